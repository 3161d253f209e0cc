-- Rendered by Kubeyard (ADR 41): on each secondary: join availability group ag1.
-- Idempotent: every statement is guarded. Run with sqlcmd -b -v MASTER_KEY_PASSWORD=... ENDPOINT_LOGIN_PASSWORD=...
SET XACT_ABORT ON;
USE master;
GO
IF NOT EXISTS (SELECT 1 FROM sys.availability_groups WHERE name = N'ag1')
    ALTER AVAILABILITY GROUP [ag1] JOIN WITH (CLUSTER_TYPE = EXTERNAL);
GO
IF EXISTS (SELECT 1 FROM sys.dm_hadr_availability_replica_states s
           JOIN sys.availability_groups g ON g.group_id = s.group_id
           WHERE g.name = N'ag1' AND s.is_local = 1 AND s.role_desc = N'SECONDARY')
    ALTER AVAILABILITY GROUP [ag1] GRANT CREATE ANY DATABASE;
GO
