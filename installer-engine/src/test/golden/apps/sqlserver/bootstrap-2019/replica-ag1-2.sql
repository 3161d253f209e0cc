-- Rendered by Kubeyard (ADR 41): replica ag1-2: master key, endpoint certificates, mirroring endpoint.
-- Idempotent: every statement is guarded. Run with sqlcmd -b -v MASTER_KEY_PASSWORD=... ENDPOINT_LOGIN_PASSWORD=...
SET XACT_ABORT ON;
USE master;
GO
IF NOT EXISTS (SELECT 1 FROM sys.symmetric_keys WHERE name = N'##MS_DatabaseMasterKey##')
    CREATE MASTER KEY ENCRYPTION BY PASSWORD = N'$(MASTER_KEY_PASSWORD)';
GO
IF NOT EXISTS (SELECT 1 FROM sys.certificates WHERE name = N'ag1-2_endpoint')
    CREATE CERTIFICATE [ag1-2_endpoint]
        FROM FILE = N'/etc/kubeyard/mssql/endpoints/ag1-2.cer'
        WITH PRIVATE KEY (FILE = N'/etc/kubeyard/mssql/endpoint-key/endpoint.pvk');
GO
IF NOT EXISTS (SELECT 1 FROM sys.server_principals WHERE name = N'ag1-0_endpoint')
    CREATE LOGIN [ag1-0_endpoint] WITH PASSWORD = N'$(ENDPOINT_LOGIN_PASSWORD)';
GO
IF NOT EXISTS (SELECT 1 FROM sys.database_principals WHERE name = N'ag1-0_endpoint')
    CREATE USER [ag1-0_endpoint] FOR LOGIN [ag1-0_endpoint];
GO
IF NOT EXISTS (SELECT 1 FROM sys.certificates WHERE name = N'ag1-0_endpoint')
    CREATE CERTIFICATE [ag1-0_endpoint] AUTHORIZATION [ag1-0_endpoint] FROM FILE = N'/etc/kubeyard/mssql/endpoints/ag1-0.cer';
GO
IF NOT EXISTS (SELECT 1 FROM sys.server_principals WHERE name = N'ag1-1_endpoint')
    CREATE LOGIN [ag1-1_endpoint] WITH PASSWORD = N'$(ENDPOINT_LOGIN_PASSWORD)';
GO
IF NOT EXISTS (SELECT 1 FROM sys.database_principals WHERE name = N'ag1-1_endpoint')
    CREATE USER [ag1-1_endpoint] FOR LOGIN [ag1-1_endpoint];
GO
IF NOT EXISTS (SELECT 1 FROM sys.certificates WHERE name = N'ag1-1_endpoint')
    CREATE CERTIFICATE [ag1-1_endpoint] AUTHORIZATION [ag1-1_endpoint] FROM FILE = N'/etc/kubeyard/mssql/endpoints/ag1-1.cer';
GO
IF NOT EXISTS (SELECT 1 FROM sys.database_mirroring_endpoints WHERE name = N'Hadr_endpoint')
    CREATE ENDPOINT [Hadr_endpoint]
        STATE = STARTED
        AS TCP (LISTENER_PORT = 5022, LISTENER_IP = ALL)
        FOR DATABASE_MIRRORING (
            ROLE = ALL,
            AUTHENTICATION = CERTIFICATE [ag1-2_endpoint],
            ENCRYPTION = REQUIRED ALGORITHM AES);
GO
IF EXISTS (SELECT 1 FROM sys.database_mirroring_endpoints WHERE name = N'Hadr_endpoint' AND state_desc <> N'STARTED')
    ALTER ENDPOINT [Hadr_endpoint] STATE = STARTED;
GO
IF NOT EXISTS (SELECT 1 FROM sys.server_permissions p
               JOIN sys.server_principals s ON s.principal_id = p.grantee_principal_id
               JOIN sys.endpoints e ON e.endpoint_id = p.major_id
               WHERE p.class_desc = N'ENDPOINT' AND p.permission_name = N'CONNECT'
                 AND p.state_desc = N'GRANT' AND s.name = N'ag1-0_endpoint' AND e.name = N'Hadr_endpoint')
    GRANT CONNECT ON ENDPOINT::[Hadr_endpoint] TO [ag1-0_endpoint];
GO
IF NOT EXISTS (SELECT 1 FROM sys.server_permissions p
               JOIN sys.server_principals s ON s.principal_id = p.grantee_principal_id
               JOIN sys.endpoints e ON e.endpoint_id = p.major_id
               WHERE p.class_desc = N'ENDPOINT' AND p.permission_name = N'CONNECT'
                 AND p.state_desc = N'GRANT' AND s.name = N'ag1-1_endpoint' AND e.name = N'Hadr_endpoint')
    GRANT CONNECT ON ENDPOINT::[Hadr_endpoint] TO [ag1-1_endpoint];
GO
IF EXISTS (SELECT 1 FROM sys.server_event_sessions WHERE name = N'AlwaysOn_health' AND startup_state = 0)
    ALTER EVENT SESSION AlwaysOn_health ON SERVER WITH (STARTUP_STATE = ON);
GO
