// Generated from libs/api-client/openapi.json by `npm run openapi`. Do not edit.

export interface paths {
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the database and the borg binary are usable (503 when not) */
        get: operations["healthCheck"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether first-run setup is needed and who is logged in */
        get: operations["authStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create the first user (only while none exists) and log in as that user */
        post: operations["authSetup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in; sets the session cookie */
        post: operations["authLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log out; ends the session */
        post: operations["authLogout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The logged-in user */
        get: operations["authMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/repositories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List repositories (figures as of their last test/info; no borg call) */
        get: operations["repositoriesList"];
        put?: never;
        /** Create (borg init) or import (initialize: false) a repository */
        post: operations["repositoriesCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/repositories/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One repository */
        get: operations["repositoriesGet"];
        /** Rename, move, or change the passphrase or ssh settings (verified with borg before saving) */
        put: operations["repositoriesUpdate"];
        post?: never;
        /** Forget the repository; ?delete_data=true also deletes it and all its archives */
        delete: operations["repositoriesRemove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/repositories/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check that borg can open the repository; ok=false carries the reason */
        post: operations["repositoriesTest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/repositories/{id}/info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** borg info: sizes, deduplication, encryption, location */
        get: operations["repositoriesInfo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/repositories/{id}/key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export the repository key (borg key export) so that it can be kept safe */
        get: operations["repositoriesExportKey"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/repositories/{id}/break-lock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Remove a stale borg lock (only when no borg process uses the repository) */
        post: operations["repositoriesBreakLock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ssh/public-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Borgitory's own ssh public key (made on first use): add it to the backup server's authorized_keys */
        get: operations["sshPublicKey"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @enum {string} */
        ErrorCode: "VALIDATION_ERROR" | "BAD_REQUEST" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "METHOD_NOT_ALLOWED" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "RATE_LIMITED" | "SETUP_REQUIRED" | "REPOSITORY_BUSY" | "REPOSITORY_ALREADY_EXISTS" | "REPOSITORY_NOT_FOUND" | "BORG_ERROR" | "BORG_PASSPHRASE_WRONG" | "BORG_KEY_MISSING" | "SSH_CONNECTION_FAILED" | "SSH_HOST_KEY_REJECTED" | "SSH_AUTHENTICATION_FAILED" | "RCLONE_ERROR" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
        ErrorInfoDto: {
            /** @example VALIDATION_ERROR */
            code: components["schemas"]["ErrorCode"];
            /** @example Invalid input data: name */
            message: string;
            /**
             * @description For validation errors, the messages for each field
             * @example {
             *       "name": [
             *         "name should not be empty"
             *       ]
             *     }
             */
            details?: {
                [key: string]: unknown;
            };
        };
        ErrorEnvelopeDto: {
            /** @enum {string} */
            status: "error";
            error: components["schemas"]["ErrorInfoDto"];
        };
        HealthCheckDto: {
            ok: boolean;
            /** @example 1.2.4 */
            version?: string;
            /** @example borg was not found */
            error?: string;
        };
        HealthDto: {
            /** @enum {string} */
            status: "ok" | "unhealthy";
            /** @example 0.1.0 */
            version: string;
            database: components["schemas"]["HealthCheckDto"];
            borg: components["schemas"]["HealthCheckDto"];
        };
        PageMetaDto: {
            /** @example 120 */
            total: number;
            /** @example 50 */
            limit: number;
            /** @example 0 */
            offset: number;
        };
        UserDto: {
            /** @example 1 */
            id: number;
            /** @example admin */
            username: string;
            /**
             * Format: date-time
             * @example 2026-11-26T18:00:00.000Z
             */
            created_at: string;
        };
        AuthStatusDto: {
            /** @description True until the first user has been created with POST /api/auth/setup */
            setup_required: boolean;
            authenticated: boolean;
            user: components["schemas"]["UserDto"] | null;
        };
        CredentialsDto: {
            /** @example admin */
            username: string;
            /** @example correct horse battery staple */
            password: string;
        };
        LoginDto: {
            /** @example admin */
            username: string;
            /** @example correct horse battery staple */
            password: string;
        };
        RepositoryDto: {
            /** @example 1 */
            id: number;
            /** @example My Backup Repo */
            name: string;
            /** @example /mnt/repos/my-backup-repo */
            path: string;
            /** @enum {string} */
            encryption: "none" | "repokey" | "repokey-blake2" | "keyfile" | "keyfile-blake2" | "authenticated" | "authenticated-blake2";
            /** @description Whether a passphrase is stored (it is never returned) */
            has_passphrase: boolean;
            /** @description True for ssh repositories */
            is_remote: boolean;
            /**
             * @description ssh repositories: Borgitory's own key or a private key given by the user
             * @enum {string|null}
             */
            ssh_key_source: "server" | "custom" | null;
            /** @enum {string} */
            ssh_host_key_policy: "accept-new" | "strict";
            /** @description From the last test/info; null until then */
            archives_count: number | null;
            /** @description Bytes of all archives before compression and deduplication */
            original_size: number | null;
            compressed_size: number | null;
            /** @description Bytes the repository really uses on disk */
            deduplicated_size: number | null;
            /**
             * Format: date-time
             * @description Time of the newest archive
             */
            last_archive_at: string | null;
            /**
             * Format: date-time
             * @description When the figures above were read from borg
             */
            stats_updated_at: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        Object: Record<string, never>;
        CreateRepositoryDto: {
            /** @example My Backup Repo */
            name: string;
            /**
             * @description An absolute local path, ssh://user@host:port/path, or user@host:path. For ssh, Borgitory uses its own key (GET /api/ssh/public-key) unless ssh_private_key is given.
             * @example /mnt/repos/my-backup-repo
             */
            path: string;
            /**
             * @description Required unless encryption is none
             * @example secure-passphrase
             */
            passphrase?: string;
            /**
             * @description For new repositories; an import reads it from the repository
             * @default repokey-blake2
             * @enum {string}
             */
            encryption?: "none" | "repokey" | "repokey-blake2" | "keyfile" | "keyfile-blake2" | "authenticated" | "authenticated-blake2";
            /**
             * @description true: borg init a new repository; false: import an existing one
             * @default true
             */
            initialize?: boolean;
            /** @description For importing a keyfile repository: the text of `borg key export` */
            key_file?: string;
            /** @description An unencrypted OpenSSH/PEM private key for this ssh repository */
            ssh_private_key?: string;
            /**
             * @description strict: refuse hosts whose key is not already known
             * @default accept-new
             * @enum {string}
             */
            ssh_host_key_policy?: "accept-new" | "strict";
        };
        UpdateRepositoryDto: {
            /** @example Updated Repo Name */
            name?: string;
            /**
             * @description An absolute local path, ssh://user@host:port/path, or user@host:path. For ssh, Borgitory uses its own key (GET /api/ssh/public-key) unless ssh_private_key is given.
             * @example /mnt/repos/updated-path
             */
            path?: string;
            passphrase?: string;
            /** @description null switches back to Borgitory's own key */
            ssh_private_key?: string | null;
            /** @enum {string} */
            ssh_host_key_policy?: "accept-new" | "strict";
        };
        RepositoryFailureDto: {
            code: components["schemas"]["ErrorCode"];
            /** @example The passphrase is wrong for this repository */
            message: string;
        };
        RepositoryTestResultDto: {
            ok: boolean;
            repository_id: number;
            /** @example repokey-blake2 */
            encryption: string | null;
            /** Format: date-time */
            last_modified: string | null;
            archives_count: number | null;
            original_size: number | null;
            compressed_size: number | null;
            deduplicated_size: number | null;
            error: components["schemas"]["RepositoryFailureDto"] | null;
        };
        RepositoryInfoDto: {
            repository_id: number;
            /** @description borg's repository id */
            borg_id: string;
            location: string;
            /** @example repokey-blake2 */
            encryption: string;
            /** Format: date-time */
            last_modified: string;
            archives_count: number;
            original_size: number;
            compressed_size: number;
            deduplicated_size: number;
            total_chunks: number;
            unique_chunks: number;
            /**
             * @description original_size / deduplicated_size (0 when empty)
             * @example 3.2
             */
            deduplication_ratio: number;
        };
        RepositoryKeyDto: {
            repository_id: number;
            /** @example keyfile-blake2 */
            encryption: string;
            /** @example borgitory-my-backup-repo.key */
            filename: string;
            /** @description The text of `borg key export`; keep it safe, together with the passphrase */
            key: string;
        };
        SshPublicKeyDto: {
            /** @example ssh-ed25519 AAAAC3Nza… borgitory@nas */
            public_key: string;
            /** @example SHA256:… */
            fingerprint: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    healthCheck: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["HealthDto"];
                        message: string;
                    };
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    authStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["AuthStatusDto"];
                        message: string;
                    };
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    authSetup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CredentialsDto"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["UserDto"];
                        message: string;
                    };
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    authLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["UserDto"];
                        message: string;
                    };
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Too many attempts */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    authLogout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    authMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["UserDto"];
                        message: string;
                    };
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    repositoriesList: {
        parameters: {
            query?: {
                limit?: components["schemas"]["Object"];
                offset?: components["schemas"]["Object"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["RepositoryDto"][];
                        message: string;
                        meta: components["schemas"]["PageMetaDto"];
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    repositoriesCreate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRepositoryDto"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["RepositoryDto"];
                        message: string;
                    };
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    repositoriesGet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["RepositoryDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    repositoriesUpdate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateRepositoryDto"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["RepositoryDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    repositoriesRemove: {
        parameters: {
            query?: {
                /** @description Also delete the borg repository and all its archives */
                delete_data?: string;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    repositoriesTest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["RepositoryTestResultDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    repositoriesInfo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["RepositoryInfoDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    repositoriesExportKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["RepositoryKeyDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    repositoriesBreakLock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: unknown;
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    sshPublicKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["SshPublicKeyDto"];
                        message: string;
                    };
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
}
