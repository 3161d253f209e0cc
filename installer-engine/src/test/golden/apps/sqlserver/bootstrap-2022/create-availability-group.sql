-- Rendered by Kubeyard (ADR 41): on ag1-0, the first primary: create availability group ag1.
-- Idempotent: every statement is guarded. Run with sqlcmd -b -v MASTER_KEY_PASSWORD=... ENDPOINT_LOGIN_PASSWORD=...
SET XACT_ABORT ON;
USE master;
GO
IF NOT EXISTS (SELECT 1 FROM sys.availability_groups WHERE name = N'ag1')
    CREATE AVAILABILITY GROUP [ag1]
        WITH (
            CLUSTER_TYPE = EXTERNAL,
            DB_FAILOVER = ON,
            REQUIRED_SYNCHRONIZED_SECONDARIES_TO_COMMIT = 1,
            WRITE_LEASE_VALIDITY = 20,
            CONTAINED)
        FOR REPLICA ON
        N'ag1-0' WITH (
            ENDPOINT_URL = N'TCP://ag1-0.mssql.svc.cluster.local:5022',
            AVAILABILITY_MODE = SYNCHRONOUS_COMMIT,
            FAILOVER_MODE = EXTERNAL,
            SEEDING_MODE = AUTOMATIC,
            PRIMARY_ROLE (ALLOW_CONNECTIONS = READ_WRITE),
            SECONDARY_ROLE (ALLOW_CONNECTIONS = READ_ONLY)),
        N'ag1-1' WITH (
            ENDPOINT_URL = N'TCP://ag1-1.mssql.svc.cluster.local:5022',
            AVAILABILITY_MODE = SYNCHRONOUS_COMMIT,
            FAILOVER_MODE = EXTERNAL,
            SEEDING_MODE = AUTOMATIC,
            PRIMARY_ROLE (ALLOW_CONNECTIONS = READ_WRITE),
            SECONDARY_ROLE (ALLOW_CONNECTIONS = READ_ONLY)),
        N'ag1-2' WITH (
            ENDPOINT_URL = N'TCP://ag1-2.mssql.svc.cluster.local:5022',
            AVAILABILITY_MODE = SYNCHRONOUS_COMMIT,
            FAILOVER_MODE = EXTERNAL,
            SEEDING_MODE = AUTOMATIC,
            PRIMARY_ROLE (ALLOW_CONNECTIONS = READ_WRITE),
            SECONDARY_ROLE (ALLOW_CONNECTIONS = READ_ONLY));
GO
IF EXISTS (SELECT 1 FROM sys.dm_hadr_availability_replica_states s
           JOIN sys.availability_groups g ON g.group_id = s.group_id
           WHERE g.name = N'ag1' AND s.is_local = 1 AND s.role_desc = N'PRIMARY')
    ALTER AVAILABILITY GROUP [ag1] GRANT CREATE ANY DATABASE;
GO
IF DB_ID(N'gateway') IS NULL
    CREATE DATABASE [gateway];
GO
IF EXISTS (SELECT 1 FROM sys.databases WHERE name = N'gateway' AND recovery_model_desc <> N'FULL')
    ALTER DATABASE [gateway] SET RECOVERY FULL;
GO
IF NOT EXISTS (SELECT 1 FROM msdb.dbo.backupset WHERE database_name = N'gateway' AND type = 'D')
    BACKUP DATABASE [gateway] TO DISK = N'/dev/null';
GO
IF NOT EXISTS (SELECT 1 FROM sys.availability_databases_cluster c
               JOIN sys.availability_groups g ON g.group_id = c.group_id
               WHERE g.name = N'ag1' AND c.database_name = N'gateway')
    ALTER AVAILABILITY GROUP [ag1] ADD DATABASE [gateway];
GO
