// Generated from libs/api-client/openapi.json by `npm run openapi`. Do not edit.

export interface paths {
    "/api/v1/health": {
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
    "/api/v1/auth/status": {
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
    "/api/v1/auth/setup": {
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
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log in; sets the session cookie
         * @description Failed logins are limited per client address and, for clients without a device cookie for the account, per account; beyond the limit the answer is 429 with Retry-After. A successful login (or setup) also sets `borgitory.device`, a device cookie with which this browser is counted on its own, so that failures elsewhere cannot lock it out.
         *
         *     Two-factor sign-in: for an account that has it on, a right password without `code` answers 401 with the error code `TWO_FACTOR_REQUIRED` and starts no session; the client then asks for the code and sends the same body with `code`: the current 6-digit code of the authenticator app (the steps just before and after count too; each code is taken once, and none older than the last one taken) or one of the recovery codes (each works once). A wrong or used code answers 401 `UNAUTHORIZED`. Until a login succeeds, every attempt counts towards the limit above, including one with the right password that lacks the code.
         */
        post: operations["authLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
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
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The logged-in user
         * @description Needs the `viewer` role: any signed-in user or API key.
         */
        get: operations["authMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Change your password; ends your other sessions
         * @description Needs the `viewer` role: any signed-in user or API key.
         */
        put: operations["authChangePassword"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List users
         * @description Needs the `admin` role or above; an API key of scope `admin`, which acts no higher than its owner’s role.
         */
        get: operations["usersList"];
        put?: never;
        /**
         * Create a user with a role
         * @description Needs the `admin` role or above; an API key of scope `admin`, which acts no higher than its owner’s role.
         */
        post: operations["usersCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One user
         * @description Needs the `admin` role or above; an API key of scope `admin`, which acts no higher than its owner’s role.
         */
        get: operations["usersGet"];
        /**
         * Change a user: name, role, or a new password
         * @description PUT on a resource changes only the fields its body gives: a field left out keeps its value, null clears a field the schema marks nullable (and is refused with 422 naming any other field), and a field given is replaced whole (an object or a list is the new value). The result must be what POST would accept: rules between fields are checked on it.
         *
         *     Fields left out keep their values. A new password ends all of the user’s sessions. The last admin keeps the role.
         *
         *     Needs the `admin` role or above; an API key of scope `admin`, which acts no higher than its owner’s role.
         */
        put: operations["usersUpdate"];
        post?: never;
        /**
         * Delete a user and end their sessions (not the last admin)
         * @description Needs the `admin` role or above; an API key of scope `admin`, which acts no higher than its owner’s role.
         */
        delete: operations["usersRemove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/two-factor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Turn off a user’s two-factor sign-in (a lost authenticator); their recovery codes are deleted
         * @description 409 when the user does not use two-factor sign-in. Their sessions are not ended.
         *
         *     Needs the `admin` role or above; an API key of scope `admin`, which acts no higher than its owner’s role.
         */
        delete: operations["usersResetTwoFactor"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your sessions: where and with what each signed in, and when it was last seen
         * @description Needs the `viewer` role: any signed-in user or API key.
         */
        get: operations["ownSessionsList"];
        put?: never;
        post?: never;
        /**
         * End all your sessions but this one
         * @description Needs the `viewer` role: any signed-in user or API key.
         */
        delete: operations["ownSessionsRevokeOthers"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * End one of your sessions (ending this one logs you out)
         * @description Needs the `viewer` role: any signed-in user or API key.
         */
        delete: operations["ownSessionsRevoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The audit trail, newest first
         * @description Every change and every sensitive read (a download, a key export): who, when, from where, what and how it ended. Kept for BORGITORY_AUDIT_RETENTION_DAYS (365).
         *
         *     Needs the `admin` role or above; an API key of scope `admin`, which acts no higher than its owner’s role.
         */
        get: operations["auditList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The operations the audit trail holds, with how many entries each
         * @description For a filter by action: each is a value `action` of GET /api/v1/audit accepts.
         *
         *     Needs the `admin` role or above; an API key of scope `admin`, which acts no higher than its owner’s role.
         */
        get: operations["auditActions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List your API keys (not revoked ones); never the keys themselves
         * @description Needs the `viewer` role: any signed-in user or API key.
         */
        get: operations["apiKeysList"];
        put?: never;
        /**
         * Create an API key; the answer shows it once
         * @description Send the key as `Authorization: Bearer <key>`: it acts as you, with the lesser of its scope and your role. A scope above your role (with a key: above what that key acts as) or an expiry in the past is refused with 422.
         *
         *     Needs the `viewer` role: any signed-in user or API key.
         */
        post: operations["apiKeysCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke one of your API keys; it is refused from the next request on
         * @description Needs the `viewer` role: any signed-in user or API key.
         */
        delete: operations["apiKeysRevoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/two-factor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start turning on two-factor sign-in: a new TOTP secret for an authenticator app
         * @description The secret stays pending (and sign-in unchanged) until POST /api/v1/auth/two-factor/confirm proves that an authenticator holds it; starting again replaces a pending secret. 409 while two-factor sign-in is on.
         *
         *     Needs the `viewer` role: any signed-in user or API key.
         */
        post: operations["twoFactorStart"];
        /**
         * Turn off your two-factor sign-in (or drop an enrolment under way); asks for your password
         * @description A wrong password is 422 (under `password`); 409 when two-factor sign-in is off. The recovery codes are deleted.
         *
         *     Needs the `viewer` role: any signed-in user or API key.
         */
        delete: operations["twoFactorDisable"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/two-factor/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Turn on two-factor sign-in with a code from the pending secret; answers the recovery codes once
         * @description A wrong code is 422 (under `code`); no enrolment under way, or two-factor sign-in already on, is 409.
         *
         *     Needs the `viewer` role: any signed-in user or API key.
         */
        post: operations["twoFactorConfirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/repositories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List repositories (figures as of their last test/info; no borg call)
         * @description Needs the `viewer` role: any signed-in user or API key.
         */
        get: operations["repositoriesList"];
        put?: never;
        /**
         * Create (borg init) or import (initialize: false) a repository
         * @description Needs the `admin` role or above; an API key of scope `admin`, which acts no higher than its owner’s role.
         */
        post: operations["repositoriesCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/repositories/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One repository
         * @description Needs the `viewer` role: any signed-in user or API key.
         */
        get: operations["repositoriesGet"];
        /**
         * Rename, move, or change the passphrase or ssh settings (verified with borg before saving)
         * @description PUT on a resource changes only the fields its body gives: a field left out keeps its value, null clears a field the schema marks nullable (and is refused with 422 naming any other field), and a field given is replaced whole (an object or a list is the new value). The result must be what POST would accept: rules between fields are checked on it.
         *
         *     Needs the `admin` role or above; an API key of scope `admin`, which acts no higher than its owner’s role.
         */
        put: operations["repositoriesUpdate"];
        post?: never;
        /**
         * Forget the repository; ?delete_data=true also deletes it and all its archives
         * @description Needs the `admin` role or above; an API key of scope `admin`, which acts no higher than its owner’s role.
         */
        delete: operations["repositoriesRemove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/repositories/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check that borg can open the repository; ok=false carries the reason
         * @description Needs the `operator` role or above; an API key of scope `operate` or `admin`, which acts no higher than its owner’s role.
         */
        post: operations["repositoriesTest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/repositories/{id}/info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * borg info: sizes, deduplication, encryption, location
         * @description Needs the `viewer` role: any signed-in user or API key.
         */
        get: operations["repositoriesInfo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/repositories/{id}/key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export the repository key (borg key export) so that it can be kept safe
         * @description Needs the `admin` role or above; an API key of scope `admin`, which acts no higher than its owner’s role.
         */
        get: operations["repositoriesExportKey"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/repositories/{id}/break-lock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Remove a stale borg lock (only when no borg process uses the repository)
         * @description Needs the `admin` role or above; an API key of scope `admin`, which acts no higher than its owner’s role.
         */
        post: operations["repositoriesBreakLock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ssh/public-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Borgitory's own ssh public key (made on first use): add it to the backup server's authorized_keys
         * @description Needs the `viewer` role: any signed-in user or API key.
         */
        get: operations["sshPublicKey"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/server-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The server’s settings in use, from its environment
         * @description Read only: each is set by its environment variable and takes effect when the server starts. Secrets say only whether they are set.
         *
         *     Needs the `admin` role or above; an API key of scope `admin`, which acts no higher than its owner’s role.
         */
        get: operations["serverSettingsList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List jobs, newest first
         * @description Needs the `viewer` role: any signed-in user or API key.
         */
        get: operations["jobsList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Status changes of every job as Server-Sent Events (`status` events with the JobDto); never ends
         * @description Needs the `viewer` role: any signed-in user or API key.
         */
        get: operations["jobsStreamAll"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One job with its steps, progress, result, warnings and error
         * @description Needs the `viewer` role: any signed-in user or API key.
         */
        get: operations["jobsGet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a queued job (it never runs) or a running one (its borg is stopped)
         * @description Needs the `operator` role or above; an API key of scope `operate` or `admin`, which acts no higher than its owner’s role.
         */
        post: operations["jobsCancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run a failed, cancelled or interrupted job again, as a new job linked by retry_of_id
         * @description Needs the `operator` role or above; an API key of scope `operate` or `admin`, which acts no higher than its owner’s role.
         */
        post: operations["jobsRetry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel or retry several jobs (at most 500): each succeeds or fails on its own; 207 when any failed
         * @description Needs the `operator` role or above; an API key of scope `operate` or `admin`, which acts no higher than its owner’s role.
         */
        post: operations["jobsBulk"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Acknowledge every failed or warning job not acknowledged yet (or one repository's, with repository_id)
         * @description Needs the `operator` role or above; an API key of scope `operate` or `admin`, which acts no higher than its owner’s role.
         */
        post: operations["jobsAcknowledgeAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Acknowledge a failed or warning job: it no longer counts as a problem on the dashboard
         * @description Needs the `operator` role or above; an API key of scope `operate` or `admin`, which acts no higher than its owner’s role.
         */
        post: operations["jobsAcknowledge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}/logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A page of the job log from a byte offset; ?format=text gives the whole log as text/plain
         * @description Needs the `viewer` role: any signed-in user or API key.
         */
        get: operations["jobsLogs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A job's status, progress and log as Server-Sent Events
         * @description Needs the `viewer` role: any signed-in user or API key.
         */
        get: operations["jobsStream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/backups/manual": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a backup now; answers with the job (follow it at /api/v1/jobs/{id}/stream)
         * @description Needs the `operator` role or above; an API key of scope `operate` or `admin`, which acts no higher than its owner’s role.
         */
        post: operations["backupsManual"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/filesystem/directory": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a directory of the server (to choose what to back up); at most 1000 entries
         * @description Needs the `operator` role or above; an API key of scope `operate` or `admin`, which acts no higher than its owner’s role.
         */
        get: operations["filesystemDirectory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/repositories/{id}/archives": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every archive of the repository, newest first (stored list; ?refresh=true reads it from borg)
         * @description Needs the `viewer` role: any signed-in user or API key.
         */
        get: operations["archivesList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/repositories/{id}/archives/delete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Delete several archives (at most 500) in one job and one borg call, then borg compact if asked. 200 with the finished job; 202 with the job if it takes longer than a minute.
         * @description Needs the `admin` role or above; an API key of scope `admin`, which acts no higher than its owner’s role.
         */
        post: operations["archivesRemoveMany"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/repositories/{id}/archives/{archive}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * borg info of one archive: sizes, deduplication, duration, command line (stored after the first call)
         * @description Needs the `viewer` role: any signed-in user or API key.
         */
        get: operations["archivesDetails"];
        put?: never;
        post?: never;
        /**
         * Delete an archive (a logged job). 204 when done; 202 with the job if it takes longer than a minute. Space is freed by borg compact.
         * @description Needs the `admin` role or above; an API key of scope `admin`, which acts no higher than its owner’s role.
         */
        delete: operations["archivesRemove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/repositories/{id}/archives/{archive}/browse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The entries directly inside a directory of the archive, from its index (built on first use)
         * @description Needs the `viewer` role: any signed-in user or API key.
         */
        get: operations["archivesBrowse"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/repositories/{id}/archives/{archive}/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a file (as it is) or a directory (as a tar), streamed from borg
         * @description Success is the raw bytes with Content-Disposition: attachment. While the archive is first being indexed: 503 with Retry-After, and the progress in error.details.index.
         *
         *     Needs the `operator` role or above; an API key of scope `operate` or `admin`, which acts no higher than its owner’s role.
         */
        get: operations["archivesDownload"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/repositories/{id}/archives/{archive}/index": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * State of the archive’s browse index
         * @description Needs the `viewer` role: any signed-in user or API key.
         */
        get: operations["archivesIndexStatus"];
        put?: never;
        /**
         * Build the archive’s browse index now (for search), without waiting for it
         * @description Needs the `operator` role or above; an API key of scope `operate` or `admin`, which acts no higher than its owner’s role.
         */
        post: operations["archivesStartIndex"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/repositories/{id}/archives/{archive}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Extract files and directories of the archive into a directory on the server (a job)
         * @description An operator restores only inside the restore roots (GET /api/v1/restore-roots, BORGITORY_RESTORE_ROOTS); a target outside them, or reached through a symbolic link that leads out, is 403. An admin restores anywhere.
         *
         *     Needs the `operator` role or above; an API key of scope `operate` or `admin`, which acts no higher than its owner’s role.
         */
        post: operations["archivesRestore"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/repositories/{id}/archives/{archive}/diff/{other}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What changed from one archive to the other: files added, removed and modified (borg diff)
         * @description Needs the `viewer` role: any signed-in user or API key.
         */
        get: operations["archivesDiff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/repositories/{id}/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find files by name across the indexed archives: every version of a file, newest first
         * @description Needs the `viewer` role: any signed-in user or API key.
         */
        get: operations["archivesSearch"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/restore-roots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Where the signed-in user may restore to
         * @description Operators restore only inside these directories (BORGITORY_RESTORE_ROOTS); admins anywhere.
         *
         *     Needs the `operator` role or above; an API key of scope `operate` or `admin`, which acts no higher than its owner’s role.
         */
        get: operations["restoreRootsGet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cloud-sync/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The storage providers and the fields of their forms
         * @description Needs the `viewer` role: any signed-in user or API key.
         */
        get: operations["cloudSyncProviders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cloud-sync/configs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List cloud sync configurations (secrets never shown)
         * @description Needs the `viewer` role: any signed-in user or API key.
         */
        get: operations["cloudSyncList"];
        put?: never;
        /**
         * Create a cloud sync configuration; provider_config is checked against the provider's fields
         * @description Needs the `admin` role or above; an API key of scope `admin`, which acts no higher than its owner’s role.
         */
        post: operations["cloudSyncCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cloud-sync/configs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One cloud sync configuration
         * @description Needs the `viewer` role: any signed-in user or API key.
         */
        get: operations["cloudSyncGet"];
        /**
         * Change a configuration; secrets left out of provider_config keep their stored values, "" removes one
         * @description PUT on a resource changes only the fields its body gives: a field left out keeps its value, null clears a field the schema marks nullable (and is refused with 422 naming any other field), and a field given is replaced whole (an object or a list is the new value). The result must be what POST would accept: rules between fields are checked on it.
         *
         *     Needs the `admin` role or above; an API key of scope `admin`, which acts no higher than its owner’s role.
         */
        put: operations["cloudSyncUpdate"];
        post?: never;
        /**
         * Delete a configuration (refused while schedules use it); nothing on the remote is deleted
         * @description Needs the `admin` role or above; an API key of scope `admin`, which acts no higher than its owner’s role.
         */
        delete: operations["cloudSyncRemove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cloud-sync/configs/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Whether rclone can write, read back, delete and list a small test object there; a failure is in the answer
         * @description Needs the `operator` role or above; an API key of scope `operate` or `admin`, which acts no higher than its owner’s role.
         */
        post: operations["cloudSyncTest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cloud-sync/configs/{id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Whether the remote copy of a repository matches it (rclone check, by hash where both sides have one); downloads nothing
         * @description Needs the `operator` role or above; an API key of scope `operate` or `admin`, which acts no higher than its owner’s role.
         */
        post: operations["cloudSyncVerify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cloud-sync/configs/{id}/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Copy a repository off-site now with this configuration (a job, after whatever runs on the repository)
         * @description Needs the `operator` role or above; an API key of scope `operate` or `admin`, which acts no higher than its owner’s role.
         */
        post: operations["cloudSyncSyncWith"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cloud-sync/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Copy a repository off-site now (a job, after whatever runs on the repository)
         * @deprecated
         * @description Deprecated since 2026-12-05: use `POST /api/v1/cloud-sync/configs/{id}/sync`. It keeps working until 2027-12-31; its answers carry `Deprecation`, `Sunset` and a `Link` to the successor.
         *
         *     Needs the `operator` role or above; an API key of scope `operate` or `admin`, which acts no higher than its owner’s role.
         */
        post: operations["cloudSyncSync"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hosts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List hosts, with the fingerprint of the host key known for each
         * @description Needs the `viewer` role: any signed-in user or API key.
         */
        get: operations["hostsList"];
        put?: never;
        /**
         * Add a host reached over ssh; host_key (required for strict) goes into known_hosts for its address
         * @description Needs the `admin` role or above; an API key of scope `admin`, which acts no higher than its owner’s role.
         */
        post: operations["hostsCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hosts/authorized-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The authorized_keys line that lets Borgitory log in to a host's user
         * @description Borgitory's own ssh public key (the one remote repositories use, `GET /api/v1/ssh/public-key`), written as the line to append to `~/.ssh/authorized_keys` of the host's user. `restrict` turns off everything optional for this key: port, agent and X11 forwarding, a pseudo-terminal, and `~/.ssh/rc`. `port-forwarding` then allows forwarding again, because pull mode needs it: Borgitory forwards a UNIX socket from the host back to its own `borg serve`, and the host's borg reaches the repository only through it. Commands still run as that user.
         *
         *     Needs the `admin` role or above; an API key of scope `admin`, which acts no higher than its owner’s role.
         */
        get: operations["hostsAuthorizedKey"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hosts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One host
         * @description Needs the `viewer` role: any signed-in user or API key.
         */
        get: operations["hostsGet"];
        /**
         * Change a host; a new address leaves the old one's host key behind unless a repository or host uses it
         * @description PUT on a resource changes only the fields its body gives: a field left out keeps its value, null clears a field the schema marks nullable (and is refused with 422 naming any other field), and a field given is replaced whole (an object or a list is the new value). The result must be what POST would accept: rules between fields are checked on it.
         *
         *     Needs the `admin` role or above; an API key of scope `admin`, which acts no higher than its owner’s role.
         */
        put: operations["hostsUpdate"];
        post?: never;
        /**
         * Forget a host and its host key (kept while a repository or another host uses the same address)
         * @description Refused with 409 HOST_IN_USE while schedules back the host up; `details.used_by` names them.
         *
         *     Needs the `admin` role or above; an API key of scope `admin`, which acts no higher than its owner’s role.
         */
        delete: operations["hostsRemove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hosts/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Test a host: reachable, Borgitory let in, borg and socat installed, the remote user and its free space
         * @description A host that fails is an answer (ok false, each problem with what fixes it), not an error. The outcome is kept as the host's last_test.
         *
         *     Needs the `operator` role or above; an API key of scope `operate` or `admin`, which acts no higher than its owner’s role.
         */
        post: operations["hostsTest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hosts/{id}/install-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add Borgitory's key line to the host user's authorized_keys with that user's password, then test the host
         * @description The password is used once for one ssh login and is never stored, logged or recorded in the audit trail. A refused password is 422 SSH_AUTHENTICATION_FAILED.
         *
         *     Needs the `admin` role or above; an API key of scope `admin`, which acts no higher than its owner’s role.
         */
        post: operations["hostsInstallKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hosts/{id}/directories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a directory of the host over SFTP, as its user sees it (to choose what to back up); at most 1000 entries
         * @description Needs the `operator` role or above; an API key of scope `operate` or `admin`, which acts no higher than its owner’s role.
         */
        get: operations["hostsDirectory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/schedules/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The next 5 runs of a cron expression in a time zone, and the schedule in words (for the form); 422 for one that never fires
         * @description Needs the `viewer` role: any signed-in user or API key.
         */
        get: operations["schedulePreviewPreview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/schedules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List schedules with their next run and last run
         * @description Needs the `viewer` role: any signed-in user or API key.
         */
        get: operations["schedulesList"];
        put?: never;
        /**
         * Create a schedule; it runs on its own from now on when enabled
         * @description Needs the `operator` role or above; an API key of scope `operate` or `admin`, which acts no higher than its owner’s role.
         */
        post: operations["schedulesCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/schedules/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Enable, disable, run or delete several schedules (at most 500): each on its own; 207 when any failed
         * @description Needs the `operator` role or above; an API key of scope `operate` or `admin`, which acts no higher than its owner’s role.
         */
        post: operations["schedulesBulk"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/schedules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One schedule
         * @description Needs the `viewer` role: any signed-in user or API key.
         */
        get: operations["schedulesGet"];
        /**
         * Change a schedule; its timer follows at once
         * @description PUT on a resource changes only the fields its body gives: a field left out keeps its value, null clears a field the schema marks nullable (and is refused with 422 naming any other field), and a field given is replaced whole (an object or a list is the new value). The result must be what POST would accept: rules between fields are checked on it.
         *
         *     Needs the `operator` role or above; an API key of scope `operate` or `admin`, which acts no higher than its owner’s role.
         */
        put: operations["schedulesUpdate"];
        post?: never;
        /**
         * Delete a schedule (its past runs stay in the job history)
         * @description Needs the `operator` role or above; an API key of scope `operate` or `admin`, which acts no higher than its owner’s role.
         */
        delete: operations["schedulesRemove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/schedules/{id}/toggle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Enable a disabled schedule or disable an enabled one
         * @description Needs the `operator` role or above; an API key of scope `operate` or `admin`, which acts no higher than its owner’s role.
         */
        post: operations["schedulesToggle"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/schedules/{id}/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run the schedule now (a job), enabled or not; 409 while an earlier run is queued or running
         * @description Needs the `operator` role or above; an API key of scope `operate` or `admin`, which acts no higher than its owner’s role.
         */
        post: operations["schedulesRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/schedules/{id}/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The schedule's runs (jobs), newest first
         * @description Needs the `viewer` role: any signed-in user or API key.
         */
        get: operations["schedulesRuns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pruning-policies/{id}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * What the policy would keep (and by which rule) and prune in a repository: borg prune --dry-run --list
         * @description Needs the `operator` role or above; an API key of scope `operate` or `admin`, which acts no higher than its owner’s role.
         */
        post: operations["pruningPoliciesPreview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pruning-policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List pruning policies
         * @description Needs the `viewer` role: any signed-in user or API key.
         */
        get: operations["pruningPoliciesList"];
        put?: never;
        /**
         * Create a pruning policy (at least one keep rule)
         * @description Needs the `admin` role or above; an API key of scope `admin`, which acts no higher than its owner’s role.
         */
        post: operations["pruningPoliciesCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pruning-policies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One pruning policy
         * @description Needs the `viewer` role: any signed-in user or API key.
         */
        get: operations["pruningPoliciesGet"];
        /**
         * Change a pruning policy
         * @description PUT on a resource changes only the fields its body gives: a field left out keeps its value, null clears a field the schema marks nullable (and is refused with 422 naming any other field), and a field given is replaced whole (an object or a list is the new value). The result must be what POST would accept: rules between fields are checked on it.
         *
         *     Needs the `admin` role or above; an API key of scope `admin`, which acts no higher than its owner’s role.
         */
        put: operations["pruningPoliciesUpdate"];
        post?: never;
        /**
         * Delete a pruning policy
         * @description Needs the `admin` role or above; an API key of scope `admin`, which acts no higher than its owner’s role.
         */
        delete: operations["pruningPoliciesRemove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/repositories/{id}/prune": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Prune the repository by a policy (a job; borg compact follows when the policy says so)
         * @description Needs the `operator` role or above; an API key of scope `operate` or `admin`, which acts no higher than its owner’s role.
         */
        post: operations["repositoryPrunePrune"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/repositories/{id}/compact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Compact the repository (a job: borg compact frees the space of deleted archives)
         * @description Needs the `operator` role or above; an API key of scope `operate` or `admin`, which acts no higher than its owner’s role.
         */
        post: operations["repositoryCompactStart"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/check-policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List check policies
         * @description Needs the `viewer` role: any signed-in user or API key.
         */
        get: operations["checkPoliciesList"];
        put?: never;
        /**
         * Create a check policy
         * @description Needs the `admin` role or above; an API key of scope `admin`, which acts no higher than its owner’s role.
         */
        post: operations["checkPoliciesCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/check-policies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One check policy
         * @description Needs the `viewer` role: any signed-in user or API key.
         */
        get: operations["checkPoliciesGet"];
        /**
         * Change a check policy
         * @description PUT on a resource changes only the fields its body gives: a field left out keeps its value, null clears a field the schema marks nullable (and is refused with 422 naming any other field), and a field given is replaced whole (an object or a list is the new value). The result must be what POST would accept: rules between fields are checked on it.
         *
         *     Needs the `admin` role or above; an API key of scope `admin`, which acts no higher than its owner’s role.
         */
        put: operations["checkPoliciesUpdate"];
        post?: never;
        /**
         * Delete a check policy
         * @description Needs the `admin` role or above; an API key of scope `admin`, which acts no higher than its owner’s role.
         */
        delete: operations["checkPoliciesRemove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/repositories/{id}/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check the repository (a job with percent progress); repair needs confirm: "repair"
         * @description Needs the `operator` role or above; an API key of scope `operate` or `admin`, which acts no higher than its owner’s role.
         */
        post: operations["repositoryCheckCheck"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The events channels can subscribe to, and the placeholders of message templates
         * @description Needs the `viewer` role: any signed-in user or API key.
         */
        get: operations["notificationsCatalog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Common Apprise services as form fields, and how their Apprise URL is made from them
         * @description Needs the `viewer` role: any signed-in user or API key.
         */
        get: operations["notificationsProviders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List notification channels (secrets never shown)
         * @description Needs the `viewer` role: any signed-in user or API key.
         */
        get: operations["notificationsList"];
        put?: never;
        /**
         * Create a notification channel
         * @description Needs the `admin` role or above; an API key of scope `admin`, which acts no higher than its owner’s role.
         */
        post: operations["notificationsCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/channels/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One notification channel
         * @description Needs the `viewer` role: any signed-in user or API key.
         */
        get: operations["notificationsGet"];
        /**
         * Change a channel; secrets left out of config keep their stored values
         * @description PUT on a resource changes only the fields its body gives: a field left out keeps its value, null clears a field the schema marks nullable (and is refused with 422 naming any other field), and a field given is replaced whole (an object or a list is the new value). The result must be what POST would accept: rules between fields are checked on it.
         *
         *     Needs the `admin` role or above; an API key of scope `admin`, which acts no higher than its owner’s role.
         */
        put: operations["notificationsUpdate"];
        post?: never;
        /**
         * Delete a channel; its deliveries stay in the log
         * @description Needs the `admin` role or above; an API key of scope `admin`, which acts no higher than its owner’s role.
         */
        delete: operations["notificationsRemove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/channels/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a test message now; whether it arrived is in the answer, and in the delivery log
         * @description Needs the `admin` role or above; an API key of scope `admin`, which acts no higher than its owner’s role.
         */
        post: operations["notificationsTest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The delivery log, newest first: every event sent to a channel, with each attempt
         * @description Needs the `viewer` role: any signed-in user or API key.
         */
        get: operations["notificationsDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/deliveries/{id}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a failed or suppressed delivery again, with a new round of attempts
         * @description Needs the `operator` role or above; an API key of scope `operate` or `admin`, which acts no higher than its owner’s role.
         */
        post: operations["notificationsResend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/repositories/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Storage over time: each archive’s sizes (original, compressed, the space it added), file count and duration, oldest first, with the archive count and how far reading the figures of imported archives has come
         * @description Needs the `viewer` role: any signed-in user or API key.
         */
        get: operations["historySeries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/repositories/{id}/calendar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The last days (90 by default), each with its archives, failed backups, and whether a backup was missing
         * @description Needs the `viewer` role: any signed-in user or API key.
         */
        get: operations["historyCalendar"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every repository's health in one answer, worst first, with the totals and the running jobs (stored data only, no borg)
         * @description Needs the `viewer` role: any signed-in user or API key.
         */
        get: operations["overviewGet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics in the text format: repositories, jobs, the process
         * @description A session, or `Authorization: Bearer <BORGITORY_METRICS_TOKEN>`. See docs/configuration.md, "Monitoring with Prometheus".
         *
         *     Needs the `viewer` role: any signed-in user or API key.
         */
        get: operations["metricsScrape"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A name across every repository, in the browse indexes of each one’s newest 20 indexed archives: one hit per path, at its newest archive, with its other versions
         * @description Needs the `viewer` role: any signed-in user or API key.
         */
        get: operations["searchSearch"];
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
        ErrorCode: "VALIDATION_ERROR" | "BAD_REQUEST" | "UNAUTHORIZED" | "TWO_FACTOR_REQUIRED" | "FORBIDDEN" | "HOST_NOT_ALLOWED" | "NOT_FOUND" | "METHOD_NOT_ALLOWED" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "RATE_LIMITED" | "SETUP_REQUIRED" | "REPOSITORY_BUSY" | "REPOSITORY_ALREADY_EXISTS" | "REPOSITORY_NOT_FOUND" | "HOST_NOT_FOUND" | "HOST_IN_USE" | "BORG_ERROR" | "BORG_PASSPHRASE_WRONG" | "BORG_KEY_MISSING" | "SSH_CONNECTION_FAILED" | "SSH_HOST_KEY_REJECTED" | "SSH_AUTHENTICATION_FAILED" | "RCLONE_ERROR" | "CLOUD_SYNC_STALLED" | "HOOK_FAILED" | "SOURCE_UNAVAILABLE" | "JOB_INTERRUPTED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
        ErrorInfoDto: {
            /** @example VALIDATION_ERROR */
            code: components["schemas"]["ErrorCode"];
            /** @example Name must not be empty */
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
            /** @description Only cloud sync needs rclone: without it the server is still healthy */
            rclone: components["schemas"]["HealthCheckDto"];
            /** @description Only notifications through Apprise need it: without it the server is still healthy */
            apprise: components["schemas"]["HealthCheckDto"];
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
             * @description `viewer`: sees status, jobs, logs, archives and their listings; no downloads, no restores, no changes; `operator`: runs backups, restores, prunes, checks and syncs, manages schedules without hooks, browses and downloads; `admin`: everything, including users, hooks (they run shell commands as the server user), repository locations, cloud credentials and notification channels
             * @example admin
             * @enum {string}
             */
            role: "viewer" | "operator" | "admin";
            /**
             * Format: date-time
             * @example 2026-11-26T18:00:00.000Z
             */
            created_at: string;
            /** @description Whether logging in asks for a code from an authenticator app */
            two_factor_enabled: boolean;
        };
        SingleSignOnDto: {
            /**
             * @description The provider, as the button names it
             * @example Authentik
             */
            name: string;
            /**
             * @description Where the browser goes to sign in (a redirect to the provider)
             * @example /api/v1/auth/oidc/login
             */
            login_url: string;
        };
        AuthStatusDto: {
            /** @description True until the first user has been created with POST /api/v1/auth/setup */
            setup_required: boolean;
            authenticated: boolean;
            user: components["schemas"]["UserDto"] | null;
            /** @description OpenID Connect sign-in, when configured: the login page offers "Sign in with <name>" */
            single_sign_on: components["schemas"]["SingleSignOnDto"] | null;
            /** @description Whether POST /api/v1/auth/login accepts passwords (BORGITORY_PASSWORD_LOGIN) */
            password_login: boolean;
        };
        CredentialsDto: {
            /** @example admin */
            username: string;
            /**
             * @description Refused (422, with the reason under `password`) when a strength estimator rates it easy to guess
             * @example correct horse battery staple
             */
            password: string;
        };
        LoginDto: {
            /** @example admin */
            username: string;
            /** @example correct horse battery staple */
            password: string;
            /**
             * @description For an account with two-factor sign-in on: the current 6-digit code of its authenticator app, or one of its recovery codes (each works once). Ignored for other accounts.
             * @example 492039
             */
            code?: string;
        };
        PasswordChangeDto: {
            /** @example correct horse battery staple */
            old_password: string;
            /**
             * @description Refused (422, with the reason under `new_password`) when a strength estimator rates it easy to guess
             * @example grape kettle orbit sunlamp
             */
            new_password: string;
        };
        CreateUserDto: {
            /** @example admin */
            username: string;
            /**
             * @description Refused (422, with the reason under `password`) when a strength estimator rates it easy to guess
             * @example correct horse battery staple
             */
            password: string;
            /**
             * @description The last admin cannot be given another role
             * @example operator
             * @enum {string}
             */
            role: "viewer" | "operator" | "admin";
        };
        UpdateUserDto: {
            /** @example admin */
            username?: string;
            /**
             * @description Refused (422, with the reason under `password`) when a strength estimator rates it easy to guess
             * @example correct horse battery staple
             */
            password?: string;
            /**
             * @description The last admin cannot be given another role
             * @example operator
             * @enum {string}
             */
            role?: "viewer" | "operator" | "admin";
        };
        OwnSessionDto: {
            /**
             * @description Stands for the session (not its cookie)
             * @example 3f9a1c0b7d2e4a61
             */
            id: string;
            /** @description The session of this request */
            current: boolean;
            /**
             * @description The browser or client, as it named itself
             * @example Mozilla/5.0 (X11; Linux x86_64) … Chrome/126.0
             */
            user_agent: string;
            /**
             * @description The address it signed in from
             * @example 192.168.1.20
             */
            address: string;
            /**
             * Format: date-time
             * @example 2026-12-05T09:12:00.000Z
             */
            signed_in_at: string | null;
            /**
             * Format: date-time
             * @description To the minute
             * @example 2026-12-05T15:40:00.000Z
             */
            last_seen_at: string;
        };
        RevokedSessionsDto: {
            /** @example 2 */
            revoked: number;
        };
        AuditEntryDto: {
            /** @example 812 */
            id: number;
            /**
             * Format: date-time
             * @example 2026-12-05T16:20:00.000Z
             */
            occurred_at: string;
            /**
             * @description Null when nobody was signed in
             * @example 2
             */
            user_id: number | null;
            /**
             * @description As it was then; for a failed login, the name tried
             * @example alice
             */
            username: string | null;
            /**
             * @description The API key the request came with
             * @example null
             */
            api_key_id: number | null;
            /** @example 192.168.1.20 */
            address: string;
            /**
             * @description The operation, as the API documentation names it
             * @example DELETE /api/v1/repositories/{id}/archives/{archive}
             */
            action: string;
            /**
             * @description What it was done to: the route’s parameters (and the path of a download); of a body only what a bulk operation acts on (action, ids or names joined by commas, compact)
             * @example {
             *       "id": "3",
             *       "archive": "laptop-2026-12-01"
             *     }
             */
            target: {
                [key: string]: string;
            };
            /**
             * @description The HTTP status of the answer
             * @example 204
             */
            status: number;
            /**
             * @description refused: 401, 403 or 429; failed: any other error
             * @example succeeded
             * @enum {string}
             */
            outcome: "succeeded" | "refused" | "failed";
        };
        AuditActionDto: {
            /**
             * @description An operation, as entries name it
             * @example POST /api/v1/backups/manual
             */
            action: string;
            /**
             * @description How many entries of the log are of this operation
             * @example 42
             */
            entries: number;
        };
        ApiKeyDto: {
            /** @example 1 */
            id: number;
            /** @example nightly report script */
            name: string;
            /**
             * @description The first characters of the key, to tell keys apart
             * @example bgk_ab12cd34
             */
            prefix: string;
            /**
             * @description The key acts as its owner with the lesser of this and the owner’s role: `read` as a viewer, `operate` as an operator, `admin` as an admin
             * @example read
             * @enum {string}
             */
            scope: "read" | "operate" | "admin";
            /**
             * Format: date-time
             * @example 2026-11-26T18:00:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @description null: the key does not expire
             */
            expires_at: string | null;
            /**
             * Format: date-time
             * @description Recorded at most once a minute
             */
            last_used_at: string | null;
            /**
             * @description The client address of that use
             * @example 192.0.2.10
             */
            last_used_from: string | null;
        };
        CreatedApiKeyDto: {
            /** @example 1 */
            id: number;
            /** @example nightly report script */
            name: string;
            /**
             * @description The first characters of the key, to tell keys apart
             * @example bgk_ab12cd34
             */
            prefix: string;
            /**
             * @description The key acts as its owner with the lesser of this and the owner’s role: `read` as a viewer, `operate` as an operator, `admin` as an admin
             * @example read
             * @enum {string}
             */
            scope: "read" | "operate" | "admin";
            /**
             * Format: date-time
             * @example 2026-11-26T18:00:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @description null: the key does not expire
             */
            expires_at: string | null;
            /**
             * Format: date-time
             * @description Recorded at most once a minute
             */
            last_used_at: string | null;
            /**
             * @description The client address of that use
             * @example 192.0.2.10
             */
            last_used_from: string | null;
            /**
             * @description The key, shown this once: send it as `Authorization: Bearer <key>`. Only its hash is kept.
             * @example bgk_ab12cd34ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDM
             */
            key: string;
        };
        CreateApiKeyDto: {
            /** @example nightly report script */
            name: string;
            /**
             * @description Not above the role of whoever creates the key (422)
             * @example read
             * @enum {string}
             */
            scope: "read" | "operate" | "admin";
            /**
             * Format: date-time
             * @description When the key stops working; in the future (422). Left out: never.
             */
            expires_at?: string;
        };
        TwoFactorEnrolmentDto: {
            /**
             * @description For an authenticator app: the same as the QR code
             * @example otpauth://totp/Borgitory:alice?issuer=Borgitory&secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30
             */
            otpauth_uri: string;
            /**
             * @description The secret in base32, to type in by hand
             * @example JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP
             */
            secret: string;
            /**
             * @description The otpauth URI as a QR code: an SVG data URL
             * @example data:image/svg+xml;base64,PHN2ZyB4bWxucz0…
             */
            qr_code: string;
        };
        RecoveryCodesDto: {
            /**
             * @description 10 codes, each good for one login without the authenticator; shown this once only
             * @example [
             *       "7k2m-9qfd-x3rt-b8wa",
             *       "c4vn-2hp0-qz7e-m1sd"
             *     ]
             */
            recovery_codes: string[];
        };
        TwoFactorCodeDto: {
            /**
             * @description The current 6-digit code of the authenticator app
             * @example 492039
             */
            code: string;
        };
        TwoFactorDisableDto: {
            /**
             * @description Your current password
             * @example correct horse battery staple
             */
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
            /** @description An archive is expected at least this often (hours); null: none set */
            max_age_hours: number | null;
            /**
             * Format: date-time
             * @description Start of the newest archive in the stored archive list; null when it has none (or was never read)
             */
            newest_archive_at: string | null;
            /** @description The newest archive is older than expected (by max_age_hours or an enabled schedule), as of the last check */
            overdue: boolean;
            /**
             * Format: date-time
             * @description When the unmet expectation was due; null while not overdue
             */
            overdue_since: string | null;
            /**
             * Format: date-time
             * @description By when a newer archive is expected (in the past while overdue); null when nothing is expected
             */
            archive_expected_by: string | null;
            /**
             * @description What is expected, in words; null when nothing is
             * @example An archive at least every 26 hours; one after each run of schedule "Nightly" (At 02:00), within 1 hour
             */
            expectation: string | null;
            /**
             * Format: date-time
             * @description Since when its archive list cannot be read; null while it can
             */
            unreachable_since: string | null;
            /**
             * Format: date-time
             * @description Local repositories: since when their file system is low on space; null while it is not
             */
            low_space_since: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        CreateRepositoryDto: {
            /** @example My Backup Repo */
            name: string;
            /**
             * @description An absolute local path, ssh://user@host:port/path, or user@host:path. For ssh, Borgitory uses its own key (GET /api/v1/ssh/public-key) unless ssh_private_key is given.
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
            /**
             * @description An archive is expected at least this often: the repository is overdue when its newest archive is older (its enabled schedules add expectations of their own). null: none.
             * @example 26
             */
            max_age_hours?: number | null;
        };
        UpdateRepositoryDto: {
            /** @example Updated Repo Name */
            name?: string;
            /**
             * @description An absolute local path, ssh://user@host:port/path, or user@host:path. For ssh, Borgitory uses its own key (GET /api/v1/ssh/public-key) unless ssh_private_key is given.
             * @example /mnt/repos/updated-path
             */
            path?: string;
            passphrase?: string;
            /** @description null switches back to Borgitory's own key */
            ssh_private_key?: string | null;
            /** @enum {string} */
            ssh_host_key_policy?: "accept-new" | "strict";
            /**
             * @description An archive is expected at least this often: the repository is overdue when its newest archive is older (its enabled schedules add expectations of their own). null: none.
             * @example 26
             */
            max_age_hours?: number | null;
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
        ServerSettingDto: {
            /**
             * @description The environment variable that sets it
             * @example BORGITORY_JOB_RETENTION_DAYS
             */
            name: string;
            /**
             * @example jobs
             * @enum {string}
             */
            group: "server" | "jobs" | "monitoring" | "sign_in" | "programs";
            /**
             * @description The value in use; a secret only says whether it is set
             * @example 90
             */
            value: string;
            /** @example Finished jobs older than this many days are removed, with their logs */
            description: string;
        };
        BulkItemErrorDto: {
            /** @example CONFLICT */
            code: components["schemas"]["ErrorCode"];
            /** @example Job 12 has already finished (completed); only queued or running jobs can be cancelled */
            message: string;
        };
        BulkItemResultDto: {
            /** @example 12 */
            id: number;
            /**
             * @example failed
             * @enum {string}
             */
            status: "succeeded" | "failed";
            /** @description Why the item failed (as the single-item operation would answer) */
            error?: components["schemas"]["BulkItemErrorDto"];
        };
        BulkResultDto: {
            /** @description One outcome per id, in the order of the request */
            results: components["schemas"]["BulkItemResultDto"][];
        };
        JobBulkDto: {
            /**
             * @example [
             *       12,
             *       13,
             *       14
             *     ]
             */
            ids: number[];
            /**
             * @description What to do to each job, as POST /api/v1/jobs/{id}/cancel or /retry does
             * @enum {string}
             */
            action: "cancel" | "retry";
        };
        AcknowledgedJobsDto: {
            /**
             * @description How many failed or warning jobs were acknowledged now
             * @example 3
             */
            acknowledged: number;
        };
        AcknowledgeJobsDto: {
            /** @description Only this repository's jobs; all repositories when left out */
            repository_id?: number;
        };
        /** @enum {string} */
        JobLogLevel: "debug" | "info" | "warning" | "error";
        JobLogLineDto: {
            /** @description Byte offset of the line in the log file */
            offset: number;
            /** Format: date-time */
            time: string;
            level: components["schemas"]["JobLogLevel"];
            /** @example Step 1/1: backup started */
            message: string;
        };
        JobLogPageDto: {
            lines: components["schemas"]["JobLogLineDto"][];
            /** @description Byte offset to ask for next (?offset=) */
            next_offset: number;
            /** @description The log reached its size cap and later lines were dropped */
            truncated: boolean;
            /** @description The job has finished and next_offset is the end of its log */
            complete: boolean;
        };
        ManualBackupDto: {
            /**
             * @description One directory or file to back up (or use source_paths)
             * @example /mnt/backup/sources/documents
             */
            source_path?: string;
            /**
             * @description Several directories or files to back up
             * @example [
             *       "/home/alice",
             *       "/etc"
             *     ]
             */
            source_paths?: string[];
            /**
             * @description borg placeholders ({now}, {hostname}, {user}, …) are expanded by borg; null or left out: the default
             * @default {hostname}-{now:%Y-%m-%dT%H:%M:%S}
             * @example documents-{now:%Y%m%d-%H%M%S}
             */
            archive_name?: string | null;
            /**
             * @description none, lz4, zstd[,1-22], zlib[,0-9], lzma[,0-9], or auto,<spec>
             * @default lz4
             * @example lz4
             */
            compression?: string;
            /**
             * @description borg exclude patterns (fm:, sh:, re:, pp:, pf: styles)
             * @example [
             *       "*.tmp",
             *       "*.log"
             *     ]
             */
            exclude_patterns?: string[];
            /**
             * @description Stay in the file system of each source path
             * @default false
             */
            one_file_system?: boolean;
            /** @example 1 */
            repository_id: number;
            /**
             * @description Back up a host instead of this server (borg's pull mode, see docs/hosts.md): source paths are on the host, and the repository must be on this server
             * @example 2
             */
            host_id?: number;
            /**
             * @description Go through the files without writing an archive
             * @default false
             */
            dry_run?: boolean;
            /** @example before the upgrade */
            comment?: string;
        } & (unknown | unknown);
        DirectoryEntryDto: {
            /** @example documents */
            name: string;
            /** @example /home/alice/documents */
            path: string;
            /** @enum {string} */
            type: "directory" | "file" | "symlink" | "other";
        };
        DirectoryListingDto: {
            /** @example /home/alice */
            path: string;
            /** @example /home */
            parent: string | null;
            /** @description Directories first, then the rest, each by name */
            entries: components["schemas"]["DirectoryEntryDto"][];
            /** @description True when the directory holds more entries than were listed */
            truncated: boolean;
        };
        ArchiveDto: {
            /** @example documents-20261126-020000 */
            name: string;
            /** @description borg's archive id (64 hex digits) */
            id: string;
            /** Format: date-time */
            start: string;
            /** Format: date-time */
            end: string | null;
            hostname: string | null;
            username: string | null;
            comment: string | null;
            /** @description Files in the archive; null until known (backup result or details) */
            file_count: number | null;
            /** @description Bytes before compression and deduplication */
            original_size: number | null;
            compressed_size: number | null;
            /** @description Bytes only this archive uses; changes as other archives go */
            deduplicated_size: number | null;
            duration_seconds: number | null;
            /** @description Whether a browse index of the archive is ready */
            indexed: boolean;
        };
        DeleteArchivesDto: {
            /**
             * @description Archives of the repository, by name; every one must exist (422 names those that do not)
             * @example [
             *       "docs-2026-01-01",
             *       "docs-2026-01-02"
             *     ]
             */
            names: string[];
            /**
             * @description Run borg compact after the deletion, in the same job, to free the space
             * @default false
             */
            compact?: boolean;
        };
        ArchiveDetailsDto: {
            /** @example documents-20261126-020000 */
            name: string;
            /** @description borg's archive id (64 hex digits) */
            id: string;
            /** Format: date-time */
            start: string;
            /** Format: date-time */
            end: string | null;
            hostname: string | null;
            username: string | null;
            comment: string | null;
            /** @description Files in the archive; null until known (backup result or details) */
            file_count: number | null;
            /** @description Bytes before compression and deduplication */
            original_size: number | null;
            compressed_size: number | null;
            /** @description Bytes only this archive uses; changes as other archives go */
            deduplicated_size: number | null;
            duration_seconds: number | null;
            /** @description Whether a browse index of the archive is ready */
            indexed: boolean;
            /** @description The borg command line that made the archive */
            command_line: string[];
        };
        /** @enum {string} */
        ArchiveIndexState: "none" | "building" | "ready" | "failed";
        ArchiveIndexStatusDto: {
            state: components["schemas"]["ArchiveIndexState"];
            /** @description Entries indexed so far (building) or in all (ready) */
            entries: number;
            /** @description Entries expected, when the archive size is known */
            expected_entries: number | null;
            /** @description Rough progress of a build, 0–99 */
            percent: number | null;
            /** @description Size of the index on disk (ready) */
            bytes: number | null;
            /** @description Why the last build failed */
            error: string | null;
        };
        /** @enum {string} */
        ArchiveEntryType: "file" | "directory" | "symlink" | "hardlink" | "fifo" | "char_device" | "block_device" | "socket" | "other";
        ArchiveEntryDto: {
            /** @description Last path component. Names are bytes: a byte that is not part of valid UTF-8 appears as the lone surrogate U+DC80+byte (escaped \udcXX in JSON, as Python's surrogateescape and borg do). Send paths back percent-encoding their bytes. */
            name: string;
            /**
             * @description Path in the archive, with a leading slash
             * @example /home/user/documents/report.pdf
             */
            path: string;
            type: components["schemas"]["ArchiveEntryType"];
            /** @description Bytes; for a directory, all regular files below it */
            size: number;
            /**
             * Format: date-time
             * @description null for directories the archive only implies
             */
            mtime: string | null;
            /** @example -rw-r--r-- */
            mode: string | null;
            /** @description Target of a symlink, or the file a hard link shares data with */
            link_target: string | null;
            /** @description False when borg check replaced lost chunks of the file with zeros */
            healthy: boolean;
        };
        RestoreArchiveDto: {
            /**
             * @description Files and directories to restore, as the API writes them (surrogate escapes for non-UTF-8 bytes); "/" restores everything
             * @example [
             *       "/home/user/documents"
             *     ]
             */
            paths: string[];
            /**
             * @description Existing, writable directory on the server; left out when restoring to the original location
             * @example /srv/restore
             */
            destination?: string;
            /**
             * @description Put each file back where it was backed up from (its absolute path in the archive), replacing what is there now: needs overwrite true and no destination or strip_components
             * @default false
             */
            to_original_location?: boolean;
            /**
             * @description Leading path components to drop, like tar
             * @default 0
             */
            strip_components?: number;
            /**
             * @description Replace files that already exist at the destination
             * @default false
             */
            overwrite?: boolean;
            /**
             * @description Restore onto a host (borg's pull mode: borg extract runs there, as its user): destination is a folder of the host; the repository must be on this server
             * @example 2
             */
            host_id?: number;
        };
        DiffChangeDto: {
            /**
             * @description borg's change type: added, removed, added directory, removed directory, added link, removed link, changed link, modified, mode, owner, ctime, mtime
             * @example modified
             */
            type: string;
            /** @description added/removed: size of the file */
            size?: number;
            /** @description modified: bytes added */
            added?: number;
            /** @description modified: bytes removed */
            removed?: number;
            old_mode?: string;
            new_mode?: string;
            old_user?: string;
            new_user?: string;
            old_group?: string;
            new_group?: string;
            /** @description ctime/mtime: the old time */
            old_time?: string;
            new_time?: string;
        };
        DiffEntryDto: {
            /** @example /home/user/notes.txt */
            path: string;
            changes: components["schemas"]["DiffChangeDto"][];
        };
        SearchHitDto: {
            /** @description Last path component. Names are bytes: a byte that is not part of valid UTF-8 appears as the lone surrogate U+DC80+byte (escaped \udcXX in JSON, as Python's surrogateescape and borg do). Send paths back percent-encoding their bytes. */
            name: string;
            /**
             * @description Path in the archive, with a leading slash
             * @example /home/user/documents/report.pdf
             */
            path: string;
            type: components["schemas"]["ArchiveEntryType"];
            /** @description Bytes; for a directory, all regular files below it */
            size: number;
            /**
             * Format: date-time
             * @description null for directories the archive only implies
             */
            mtime: string | null;
            /** @example -rw-r--r-- */
            mode: string | null;
            /** @description Target of a symlink, or the file a hard link shares data with */
            link_target: string | null;
            /** @description False when borg check replaced lost chunks of the file with zeros */
            healthy: boolean;
            archive_name: string;
            /** Format: date-time */
            archive_start: string;
        };
        SearchResultDto: {
            /** @description Newest archive first, then archive order */
            hits: components["schemas"]["SearchHitDto"][];
            /** @description Whether more hits exist than the limit */
            truncated: boolean;
            /** @description Archives whose index was searched */
            searched_archives: number;
            /** @description Archives without an index (browse one to index it) */
            unindexed_archives: number;
        };
        RestoreRootsDto: {
            /**
             * @description True for an admin, who restores anywhere
             * @example false
             */
            anywhere: boolean;
            /**
             * @description The directories the signed-in user may restore into (empty when anywhere)
             * @example [
             *       "/srv/borgitory/data/restores"
             *     ]
             */
            roots: string[];
        };
        /** @enum {string} */
        CloudProviderName: "s3" | "sftp" | "webdav" | "smb" | "local";
        /**
         * @description text: several lines
         * @enum {string}
         */
        ProviderFieldType: "string" | "integer" | "boolean" | "select" | "password" | "text";
        ProviderFieldOptionDto: {
            /** @example AWS */
            value: string;
            /** @example AWS */
            label: string;
        };
        ProviderFieldDto: {
            /** @example bucket_name */
            name: string;
            /** @example Bucket */
            label: string;
            /** @description text: several lines */
            type: components["schemas"]["ProviderFieldType"];
            required: boolean;
            /** @description Write-only: stored encrypted, never shown again */
            secret: boolean;
            default: (string | number | boolean) | null;
            /** @example The bucket must exist */
            help: string;
            /** @description For select */
            options?: components["schemas"]["ProviderFieldOptionDto"][];
        };
        ProviderPresetDto: {
            /** @example backblaze_b2 */
            name: string;
            /** @example Backblaze B2 */
            label: string;
            /** @description Field values the preset fills in */
            values: {
                [key: string]: unknown;
            };
            help: string;
        };
        CloudProviderDto: {
            name: components["schemas"]["CloudProviderName"];
            /** @example Amazon S3 or S3-compatible */
            label: string;
            description: string;
            fields: components["schemas"]["ProviderFieldDto"][];
            presets: components["schemas"]["ProviderPresetDto"][];
        };
        /** @enum {string} */
        CloudSyncMode: "sync" | "copy";
        /** @enum {string} */
        JobStatus: "queued" | "running" | "completed" | "warning" | "failed" | "cancelled" | "interrupted";
        LastSyncDto: {
            /** @example 42 */
            job_id: number;
            status: components["schemas"]["JobStatus"];
            /** Format: date-time */
            finished_at: string;
        };
        CloudSyncConfigDto: {
            /** @example 1 */
            id: number;
            /** @example My S3 Backup */
            name: string;
            provider: components["schemas"]["CloudProviderName"];
            /** @description The fields that are not secret */
            provider_config: {
                [key: string]: unknown;
            };
            /**
             * @description Secret fields that have a value (never shown)
             * @example [
             *       "secret_access_key"
             *     ]
             */
            secrets_set: string[];
            /** @example borgitory-backups */
            path_prefix: string;
            mode: components["schemas"]["CloudSyncMode"];
            /** @example 10M */
            bandwidth_limit: string | null;
            /** @description The last sync to this configuration that ended */
            last_sync: components["schemas"]["LastSyncDto"] | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        CloudSyncConfigInputDto: {
            /** @example My S3 Backup */
            name: string;
            /**
             * @example s3
             * @enum {unknown}
             */
            provider: "s3" | "sftp" | "webdav" | "smb" | "local";
            /**
             * @description The fields GET /api/v1/cloud-sync/providers lists for the provider
             * @example {
             *       "access_key_id": "AKIAIOSFODNN7EXAMPLE",
             *       "secret_access_key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
             *       "bucket_name": "my-backup-bucket",
             *       "region": "us-east-1"
             *     }
             */
            provider_config: {
                [key: string]: unknown;
            };
            /**
             * @description Below the bucket or folder; each repository gets a folder of its own under it
             * @default
             * @example borgitory-backups/
             */
            path_prefix?: string;
            /**
             * @description copy never deletes on the remote (an off-site copy a damaged or encrypted local repository cannot take with it); sync mirrors, deleting there what is gone here
             * @default copy
             * @enum {unknown}
             */
            mode?: "sync" | "copy";
            /**
             * @description Bytes per second with a suffix B, K, M or G (rclone --bwlimit); null: no limit
             * @example 10M
             */
            bandwidth_limit?: string | null;
        };
        CloudSyncConfigUpdateDto: {
            /** @example My S3 Backup */
            name?: string;
            /**
             * @example s3
             * @enum {unknown}
             */
            provider?: "s3" | "sftp" | "webdav" | "smb" | "local";
            /**
             * @description The fields GET /api/v1/cloud-sync/providers lists for the provider
             * @example {
             *       "access_key_id": "AKIAIOSFODNN7EXAMPLE",
             *       "secret_access_key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
             *       "bucket_name": "my-backup-bucket",
             *       "region": "us-east-1"
             *     }
             */
            provider_config?: {
                [key: string]: unknown;
            };
            /**
             * @description Below the bucket or folder; each repository gets a folder of its own under it
             * @default
             * @example borgitory-backups/
             */
            path_prefix?: string;
            /**
             * @description copy never deletes on the remote (an off-site copy a damaged or encrypted local repository cannot take with it); sync mirrors, deleting there what is gone here
             * @default copy
             * @enum {unknown}
             */
            mode?: "sync" | "copy";
            /**
             * @description Bytes per second with a suffix B, K, M or G (rclone --bwlimit); null: no limit
             * @example 10M
             */
            bandwidth_limit?: string | null;
        };
        ConnectionTestStepDto: {
            /**
             * @example write
             * @enum {string}
             */
            step: "write" | "read" | "delete" | "list";
            ok: boolean;
            /** @example 120 */
            duration_ms: number;
        };
        JobErrorDto: {
            code: components["schemas"]["ErrorCode"];
            /** @example The repository is locked by another borg process */
            message: string;
        };
        ConnectionTestDto: {
            /** @description rclone could write, read back, delete and list a small test object */
            ok: boolean;
            /** @example target:my-backup-bucket/borgitory-backups */
            remote_path: string;
            /** @description The steps tried, in order, up to the one that failed */
            steps: components["schemas"]["ConnectionTestStepDto"][];
            error: components["schemas"]["JobErrorDto"] | null;
            /** @description SFTP: the host key seen and stored at this first connection */
            host_key_learned: string | null;
        };
        VerifyExampleDto: {
            /** @example data/0/17 */
            path: string;
            /** @enum {string} */
            problem: "differs" | "missing_on_remote" | "missing_locally" | "error";
        };
        CloudVerifyResultDto: {
            /** @description The remote holds the repository as it is here */
            in_sync: boolean;
            /** @example target:my-backup-bucket/borgitory-backups/documents */
            remote_path: string;
            /** @description copy: files only on the remote are expected and not counted */
            mode: components["schemas"]["CloudSyncMode"];
            /**
             * @description A hash both sides have, or "size" when they share none
             * @example md5
             */
            compared_by: string;
            matching: number;
            differing: number;
            missing_on_remote: number;
            missing_locally: number;
            errors: number;
            /** @description Up to 20 files that are not the same */
            examples: components["schemas"]["VerifyExampleDto"][];
        };
        CloudSyncRepositoryDto: {
            /** @example 1 */
            repository_id: number;
        };
        CloudSyncRequestDto: {
            /** @example 1 */
            repository_id: number;
            /** @example 1 */
            cloud_sync_config_id: number;
        };
        HostLastTestDto: {
            /** Format: date-time */
            tested_at: string;
            /** @description Whether the host was reachable, let Borgitory in, and had borg and socat */
            ok: boolean;
            /**
             * @description The first problem found; null when ok
             * @example socat is not installed on the host
             */
            message: string | null;
        };
        HostDto: {
            /** @example 1 */
            id: number;
            /** @example NAS */
            name: string;
            /**
             * @description ssh://user@host:port, the port always written
             * @example ssh://backup@nas.local:22
             */
            address: string;
            /**
             * @description The user Borgitory logs in as
             * @example backup
             */
            ssh_user: string;
            /**
             * @description Host name or IP address, lower case; IPv6 without brackets
             * @example nas.local
             */
            hostname: string;
            /** @example 22 */
            port: number;
            /** @enum {string} */
            host_key_policy: "accept-new" | "strict";
            /**
             * @description The fingerprint of the host key Borgitory knows for the address (given, or seen at a first connection); null: none yet
             * @example SHA256:yy0xIkzGe2lqS7HiIbKhcjSf+z1RyjfEUmHpRNQ7nnY
             */
            host_key_fingerprint: string | null;
            /** @description The last connection test (POST /hosts/{id}/test); null: never tested */
            last_test: components["schemas"]["HostLastTestDto"] | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        HostInputDto: {
            /** @example NAS */
            name: string;
            /**
             * @description ssh://user@host or ssh://user@host:port (22 when left out): the user Borgitory logs in as, a host name, an IPv4 address or an IPv6 address in brackets; no path. The rules of remote repository locations: nothing ssh could read as an option.
             * @example ssh://backup@nas.local:22
             */
            address: string;
            /**
             * @description accept-new: the host key seen at the first connection is stored (unless host_key gives it), then enforced; strict: only host_key's key is accepted (required then, unless a PUT keeps an address whose key is known)
             * @default accept-new
             * @enum {string}
             */
            host_key_policy?: "accept-new" | "strict";
            /**
             * @description The host's public host key, one line (its /etc/ssh/ssh_host_ed25519_key.pub, or a line of `ssh-keyscan -p PORT HOST` without the host): it replaces any key known for the address. The answer shows its fingerprint.
             * @example ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGNolOm0SGmQAGUKqebocpeMyE8yBh++E+dxypXCmXRd
             */
            host_key?: string;
        };
        AuthorizedKeyDto: {
            /**
             * @description The line to add to ~/.ssh/authorized_keys of the host's user
             * @example restrict,port-forwarding ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGNolOm0SGmQAGUKqebocpeMyE8yBh++E+dxypXCmXRd borgitory@server
             */
            authorized_key: string;
        };
        HostUpdateDto: {
            /** @example NAS */
            name?: string;
            /**
             * @description ssh://user@host or ssh://user@host:port (22 when left out): the user Borgitory logs in as, a host name, an IPv4 address or an IPv6 address in brackets; no path. The rules of remote repository locations: nothing ssh could read as an option.
             * @example ssh://backup@nas.local:22
             */
            address?: string;
            /**
             * @description accept-new: the host key seen at the first connection is stored (unless host_key gives it), then enforced; strict: only host_key's key is accepted (required then, unless a PUT keeps an address whose key is known)
             * @default accept-new
             * @enum {string}
             */
            host_key_policy?: "accept-new" | "strict";
            /**
             * @description The host's public host key, one line (its /etc/ssh/ssh_host_ed25519_key.pub, or a line of `ssh-keyscan -p PORT HOST` without the host): it replaces any key known for the address. The answer shows its fingerprint.
             * @example ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGNolOm0SGmQAGUKqebocpeMyE8yBh++E+dxypXCmXRd
             */
            host_key?: string;
        };
        HostProblemDto: {
            /** @enum {string} */
            code: "UNREACHABLE" | "TIMEOUT" | "HOST_KEY_MISMATCH" | "HOST_KEY_UNKNOWN" | "AUTH_FAILED" | "BORG_MISSING" | "SOCAT_MISSING";
            /** @example borg is not installed on the host (or not on the PATH of backup) */
            message: string;
            /**
             * @description What fixes it, when there is one thing to do
             * @example sudo apt install borgbackup
             */
            fix: string | null;
        };
        HostTestDto: {
            /** @description Everything pull mode needs is there: reachable, logged in, borg and socat installed */
            ok: boolean;
            /** Format: date-time */
            tested_at: string;
            /**
             * @description The user Borgitory is logged in as (null when it could not log in)
             * @example backup
             */
            user: string | null;
            /** @example /home/backup */
            home: string | null;
            /** @example 1.2.4 */
            borg_version: string | null;
            /** @example 1.7.4.4 */
            socat_version: string | null;
            /**
             * @description Free bytes of the file system of the user's home
             * @example 52000000000
             */
            free_bytes: number | null;
            problems: components["schemas"]["HostProblemDto"][];
        };
        InstallKeyDto: {
            /**
             * Format: password
             * @description The host user's password, used once to add Borgitory's key line
             */
            password: string;
        };
        SchedulePreviewDto: {
            /** @example 0 2 * * * */
            cron_expression: string;
            /** @example Europe/Berlin */
            timezone: string;
            /** @example At 02:00 */
            description: string;
            /**
             * @description The next 5 runs, with the zone’s offset; fewer if 8 years hold fewer
             * @example [
             *       "2026-11-27T02:00:00.000+01:00"
             *     ]
             */
            next_runs: string[];
        };
        ScheduleHookViewDto: {
            /** @example Dump the database */
            name: string;
            /**
             * @example [
             *       "pg_dump",
             *       "--file=/var/backups/app.sql",
             *       "app"
             *     ]
             */
            command: string[];
            shell: boolean;
            /** @example 600 */
            timeout_seconds: number;
            critical: boolean;
            run_on_failure: boolean;
            env: {
                [key: string]: string;
            };
        };
        JobSummaryDto: {
            /** @example 12 */
            id: number;
            status: components["schemas"]["JobStatus"];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            started_at: string | null;
            /** Format: date-time */
            finished_at: string | null;
            error: components["schemas"]["JobErrorDto"] | null;
        };
        ScheduleDto: {
            /** @example 1 */
            id: number;
            /** @example Daily Documents Backup */
            name: string;
            /** @example 1 */
            repository_id: number;
            /**
             * @description The host backed up in pull mode; null: this server
             * @example null
             */
            host_id: number | null;
            /**
             * @description The first of source_paths
             * @example /mnt/backup/sources/documents
             */
            source_path: string;
            /**
             * @example [
             *       "/mnt/backup/sources/documents"
             *     ]
             */
            source_paths: string[];
            /** @example {hostname}-{now:%Y-%m-%dT%H:%M:%S} */
            archive_name: string;
            /** @example lz4 */
            compression: string;
            exclude_patterns: string[];
            one_file_system: boolean;
            /** @example 0 2 * * * */
            cron_expression: string;
            /** @example Europe/Berlin */
            timezone: string;
            /**
             * @description The cron expression in words
             * @example At 02:00
             */
            description: string;
            enabled: boolean;
            /**
             * @description Why Borgitory switched the schedule off: its timer could not be set (stored by an older version or edited by hand). Null otherwise; saving the schedule with a valid expression clears it
             * @example The cron expression "0 0 30 2 *" cannot be used (never fires: 30 February does not exist)
             */
            disabled_reason: string | null;
            /**
             * Format: date-time
             * @description With the zone's offset; null while disabled
             */
            next_run_at: string | null;
            pruning_policy_id: number | null;
            check_policy_id: number | null;
            cloud_sync_config_id: number | null;
            pre_hooks: components["schemas"]["ScheduleHookViewDto"][];
            post_hooks: components["schemas"]["ScheduleHookViewDto"][];
            catch_up: boolean;
            /** @description The newest run (a job), whatever started it */
            last_run: components["schemas"]["JobSummaryDto"] | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        PreHookDto: {
            /** @example Dump the database */
            name: string;
            /**
             * @description The program and its arguments (no shell); with shell: true, one element, the line for /bin/sh -c
             * @example [
             *       "pg_dump",
             *       "--file=/var/backups/app.sql",
             *       "app"
             *     ]
             */
            command: string[];
            /**
             * @description Run command[0] with /bin/sh -c (pipes, redirections, variables)
             * @default false
             */
            shell?: boolean;
            /** @default 600 */
            timeout_seconds?: number;
            /**
             * @description A failure (exit code not 0, timeout) stops the run (pre-hook) or fails it (post-hook); otherwise it is a warning
             * @default false
             */
            critical?: boolean;
            /**
             * @description Only post-hooks run on failure
             * @default false
             * @enum {boolean}
             */
            run_on_failure?: false;
            /**
             * @description Added to the environment. Not secret: the API shows it. Names are letters, digits and _, not starting with a digit, at most 100 characters (^[A-Za-z_][A-Za-z0-9_]{0,99}$); names starting with BORGITORY_ (in any case) are reserved; values have no NUL
             * @example {
             *       "PGHOST": "localhost"
             *     }
             */
            env?: {
                [key: string]: string;
            };
        };
        ScheduleHookDto: {
            /** @example Dump the database */
            name: string;
            /**
             * @description The program and its arguments (no shell); with shell: true, one element, the line for /bin/sh -c
             * @example [
             *       "pg_dump",
             *       "--file=/var/backups/app.sql",
             *       "app"
             *     ]
             */
            command: string[];
            /**
             * @description Run command[0] with /bin/sh -c (pipes, redirections, variables)
             * @default false
             */
            shell?: boolean;
            /** @default 600 */
            timeout_seconds?: number;
            /**
             * @description A failure (exit code not 0, timeout) stops the run (pre-hook) or fails it (post-hook); otherwise it is a warning
             * @default false
             */
            critical?: boolean;
            /**
             * @description Post-hooks only: run also after a failed or cancelled run
             * @default false
             */
            run_on_failure?: boolean;
            /**
             * @description Added to the environment. Not secret: the API shows it. Names are letters, digits and _, not starting with a digit, at most 100 characters (^[A-Za-z_][A-Za-z0-9_]{0,99}$); names starting with BORGITORY_ (in any case) are reserved; values have no NUL
             * @example {
             *       "PGHOST": "localhost"
             *     }
             */
            env?: {
                [key: string]: string;
            };
        };
        ScheduleInputDto: {
            /**
             * @description One directory or file to back up (or use source_paths)
             * @example /mnt/backup/sources/documents
             */
            source_path?: string;
            /**
             * @description Several directories or files to back up
             * @example [
             *       "/home/alice",
             *       "/etc"
             *     ]
             */
            source_paths?: string[];
            /**
             * @description borg placeholders ({now}, {hostname}, {user}, …) are expanded by borg; null or left out: the default
             * @default {hostname}-{now:%Y-%m-%dT%H:%M:%S}
             * @example documents-{now:%Y%m%d-%H%M%S}
             */
            archive_name?: string | null;
            /**
             * @description none, lz4, zstd[,1-22], zlib[,0-9], lzma[,0-9], or auto,<spec>
             * @default lz4
             * @example lz4
             */
            compression?: string;
            /**
             * @description borg exclude patterns (fm:, sh:, re:, pp:, pf: styles)
             * @example [
             *       "*.tmp",
             *       "*.log"
             *     ]
             */
            exclude_patterns?: string[];
            /**
             * @description Stay in the file system of each source path
             * @default false
             */
            one_file_system?: boolean;
            /** @example Daily Documents Backup */
            name: string;
            /** @example 1 */
            repository_id: number;
            /**
             * @description Back up a host instead of this server (borg's pull mode, see docs/hosts.md): source paths are on the host, and the repository must be on this server; null or left out: this server
             * @example 2
             */
            host_id?: number | null;
            /**
             * @description minute hour day-of-month month day-of-week
             * @example 0 2 * * *
             */
            cron_expression: string;
            /**
             * @description IANA time zone the cron expression is read in; null or left out: the server's
             * @example Europe/Berlin
             */
            timezone?: string | null;
            /** @default true */
            enabled?: boolean;
            /**
             * @description Prune (and compact) after the backup
             * @example 1
             */
            pruning_policy_id?: number | null;
            /** @description borg check after pruning */
            check_policy_id?: number | null;
            /** @description Copy the repository off-site at the end */
            cloud_sync_config_id?: number | null;
            /** @description Run in order before the backup */
            pre_hooks?: components["schemas"]["PreHookDto"][];
            /** @description Run in order at the end */
            post_hooks?: components["schemas"]["ScheduleHookDto"][];
            /**
             * @description At start-up, run once if a run came due while the server was down
             * @default false
             */
            catch_up?: boolean;
        } & (unknown | unknown);
        ScheduleBulkDto: {
            /**
             * @example [
             *       12,
             *       13,
             *       14
             *     ]
             */
            ids: number[];
            /**
             * @description What to do to each schedule: enable or disable it (one already so succeeds unchanged), run it now (a job), or delete it
             * @enum {string}
             */
            action: "enable" | "disable" | "run" | "delete";
        };
        ScheduleUpdateDto: {
            /**
             * @description One directory or file to back up (or use source_paths)
             * @example /mnt/backup/sources/documents
             */
            source_path?: string;
            /**
             * @description Several directories or files to back up
             * @example [
             *       "/home/alice",
             *       "/etc"
             *     ]
             */
            source_paths?: string[];
            /**
             * @description borg placeholders ({now}, {hostname}, {user}, …) are expanded by borg; null or left out: the default
             * @default {hostname}-{now:%Y-%m-%dT%H:%M:%S}
             * @example documents-{now:%Y%m%d-%H%M%S}
             */
            archive_name?: string | null;
            /**
             * @description none, lz4, zstd[,1-22], zlib[,0-9], lzma[,0-9], or auto,<spec>
             * @default lz4
             * @example lz4
             */
            compression?: string;
            /**
             * @description borg exclude patterns (fm:, sh:, re:, pp:, pf: styles)
             * @example [
             *       "*.tmp",
             *       "*.log"
             *     ]
             */
            exclude_patterns?: string[];
            /**
             * @description Stay in the file system of each source path
             * @default false
             */
            one_file_system?: boolean;
            /** @example Daily Documents Backup */
            name?: string;
            /** @example 1 */
            repository_id?: number;
            /**
             * @description Back up a host instead of this server (borg's pull mode, see docs/hosts.md): source paths are on the host, and the repository must be on this server; null or left out: this server
             * @example 2
             */
            host_id?: number | null;
            /**
             * @description minute hour day-of-month month day-of-week
             * @example 0 2 * * *
             */
            cron_expression?: string;
            /**
             * @description IANA time zone the cron expression is read in; null or left out: the server's
             * @example Europe/Berlin
             */
            timezone?: string | null;
            /** @default true */
            enabled?: boolean;
            /**
             * @description Prune (and compact) after the backup
             * @example 1
             */
            pruning_policy_id?: number | null;
            /** @description borg check after pruning */
            check_policy_id?: number | null;
            /** @description Copy the repository off-site at the end */
            cloud_sync_config_id?: number | null;
            /** @description Run in order before the backup */
            pre_hooks?: components["schemas"]["PreHookDto"][];
            /** @description Run in order at the end */
            post_hooks?: components["schemas"]["ScheduleHookDto"][];
            /**
             * @description At start-up, run once if a run came due while the server was down
             * @default false
             */
            catch_up?: boolean;
        };
        KeptArchiveDto: {
            name: string;
            /**
             * @description The rule that keeps it, as borg names it
             * @example daily #1
             */
            rule: string;
        };
        PrunePreviewDto: {
            keep: components["schemas"]["KeptArchiveDto"][];
            /** @description Archives borg would delete */
            prune: string[];
        };
        PrunePreviewRequestDto: {
            repository_id: number;
        };
        PruningPolicyDto: {
            id: number;
            name: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            keep_within: string | null;
            keep_last: number | null;
            keep_secondly: number | null;
            keep_minutely: number | null;
            keep_hourly: number | null;
            keep_daily: number | null;
            keep_weekly: number | null;
            keep_monthly: number | null;
            keep_yearly: number | null;
            glob_archives: string | null;
            compact_after: boolean;
        };
        PruningPolicyInputDto: {
            /** @example Keep 7 daily, 4 weekly, 6 monthly */
            name: string;
            /**
             * @description Keep everything this recent: a number and H, d, w, m or y
             * @example 7d
             */
            keep_within?: string | null;
            /** @description Keep the last N archives */
            keep_last?: number | null;
            /** @description Keep the last archive of each of the last N seconds */
            keep_secondly?: number | null;
            /** @description …of each of the last N minutes */
            keep_minutely?: number | null;
            /** @description …of each of the last N hours */
            keep_hourly?: number | null;
            /** @description …of each of the last N days */
            keep_daily?: number | null;
            /** @description …of each of the last N weeks */
            keep_weekly?: number | null;
            /** @description …of each of the last N months */
            keep_monthly?: number | null;
            /** @description …of each of the last N years */
            keep_yearly?: number | null;
            /**
             * @description Only archives matching this shell pattern are pruned
             * @example documents-*
             */
            glob_archives?: string | null;
            /**
             * @description Run borg compact after pruning, which gives the space back
             * @default false
             */
            compact_after?: boolean;
        } | {
            keep_within: string;
        } | {
            keep_last: number;
        } | {
            keep_secondly: number;
        } | {
            keep_minutely: number;
        } | {
            keep_hourly: number;
        } | {
            keep_daily: number;
        } | {
            keep_weekly: number;
        } | {
            keep_monthly: number;
        } | {
            keep_yearly: number;
        };
        PruningPolicyUpdateDto: {
            /** @example Keep 7 daily, 4 weekly, 6 monthly */
            name?: string;
            /**
             * @description Keep everything this recent: a number and H, d, w, m or y
             * @example 7d
             */
            keep_within?: string | null;
            /** @description Keep the last N archives */
            keep_last?: number | null;
            /** @description Keep the last archive of each of the last N seconds */
            keep_secondly?: number | null;
            /** @description …of each of the last N minutes */
            keep_minutely?: number | null;
            /** @description …of each of the last N hours */
            keep_hourly?: number | null;
            /** @description …of each of the last N days */
            keep_daily?: number | null;
            /** @description …of each of the last N weeks */
            keep_weekly?: number | null;
            /** @description …of each of the last N months */
            keep_monthly?: number | null;
            /** @description …of each of the last N years */
            keep_yearly?: number | null;
            /**
             * @description Only archives matching this shell pattern are pruned
             * @example documents-*
             */
            glob_archives?: string | null;
            /**
             * @description Run borg compact after pruning, which gives the space back
             * @default false
             */
            compact_after?: boolean;
        };
        PruneRequestDto: {
            pruning_policy_id: number;
            /**
             * @description List what would go without deleting anything
             * @default false
             */
            dry_run?: boolean;
        };
        /** @enum {string} */
        CheckScope: "full" | "repository_only" | "archives_only";
        CheckPolicyDto: {
            id: number;
            name: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            scope: components["schemas"]["CheckScope"];
            verify_data: boolean;
            max_duration: number | null;
            glob_archives: string | null;
            first: number | null;
            last: number | null;
        };
        CheckPolicyInputDto: {
            /** @example Weekly full check */
            name: string;
            /**
             * @description full: repository and archives
             * @enum {unknown}
             */
            scope: "full" | "repository_only" | "archives_only";
            /**
             * @description Read and verify every data chunk (slow); not with repository_only
             * @default false
             */
            verify_data?: boolean;
            /** @description repository_only: stop after this many seconds; the next check goes on from there */
            max_duration?: number | null;
            /** @description Only archives matching this shell pattern */
            glob_archives?: string | null;
            /** @description Only the first N archives */
            first?: number | null;
            /** @description Only the last N archives */
            last?: number | null;
        } & (unknown & unknown & unknown & unknown & unknown & unknown);
        CheckPolicyUpdateDto: {
            /** @example Weekly full check */
            name?: string;
            /**
             * @description full: repository and archives
             * @enum {unknown}
             */
            scope?: "full" | "repository_only" | "archives_only";
            /**
             * @description Read and verify every data chunk (slow); not with repository_only
             * @default false
             */
            verify_data?: boolean;
            /** @description repository_only: stop after this many seconds; the next check goes on from there */
            max_duration?: number | null;
            /** @description Only archives matching this shell pattern */
            glob_archives?: string | null;
            /** @description Only the first N archives */
            first?: number | null;
            /** @description Only the last N archives */
            last?: number | null;
        } & unknown;
        CheckRequestDto: {
            /** @description The checks to run; without one, a full check */
            check_policy_id?: number;
            /**
             * @description borg check --repair: can lose data it cannot mend; needs confirm: "repair"
             * @default false
             */
            repair?: boolean;
            /** @description Must be "repair" when repair is true */
            confirm?: string;
        };
        /** @enum {string} */
        EventName: "backup.completed" | "backup.warning" | "backup.failed" | "job.failed" | "check.failed" | "prune.failed" | "cloud_sync.failed" | "schedule.skipped" | "repository.overdue" | "repository.recovered" | "repository.unreachable" | "repository.low_space";
        NotificationEventDto: {
            name: components["schemas"]["EventName"];
            /** @example A backup failed */
            description: string;
        };
        TemplatePlaceholderDto: {
            /** @example repository */
            name: string;
            /** @example The repository’s name */
            description: string;
        };
        NotificationCatalogDto: {
            events: components["schemas"]["NotificationEventDto"][];
            /** @description What a template may use, written {name} */
            placeholders: components["schemas"]["TemplatePlaceholderDto"][];
            /**
             * @description The title used when a channel has none
             * @example {title}: {repository}
             */
            default_title: string;
            /**
             * @description The body used when a channel has none
             * @example {summary}
             *     {error}
             *     {job_url}
             */
            default_body: string;
        };
        /** @enum {string} */
        NotificationServiceFieldType: "string" | "integer" | "password" | "select";
        NotificationServiceFieldOptionDto: {
            /** @example ntfys */
            value: string;
            /** @example HTTPS */
            label: string;
        };
        NotificationServiceFieldDto: {
            /** @example webhook_id */
            name: string;
            /** @example Webhook ID */
            label: string;
            type: components["schemas"]["NotificationServiceFieldType"];
            required: boolean;
            default: string | null;
            /** @example The number in the webhook address, after /webhooks/ */
            help: string;
            /** @description For select */
            options?: components["schemas"]["NotificationServiceFieldOptionDto"][];
        };
        NotificationServiceDto: {
            /** @example discord */
            name: string;
            /** @example Discord */
            label: string;
            /** @example A channel’s webhook (Server Settings → Integrations → Webhooks) */
            description: string;
            /**
             * @description How the Apprise URL is made from the fields: {field} is the value, percent-encoded as a URL component; [ … ] is left out when a field inside it is empty
             * @example discord://{webhook_id}/{webhook_token}
             */
            url_template: string;
            fields: components["schemas"]["NotificationServiceFieldDto"][];
            /** @example https://github.com/caronc/apprise/wiki/Notify_discord */
            docs_url: string;
        };
        /** @enum {string} */
        NotificationChannelType: "apprise" | "webhook";
        MessageTemplateViewDto: {
            /** @description null: the default */
            title: string | null;
            /** @description null: the default */
            body: string | null;
        };
        NotificationChannelDto: {
            /** @example 1 */
            id: number;
            /** @example Family Discord */
            name: string;
            type: components["schemas"]["NotificationChannelType"];
            /**
             * @description The config fields that are not secret
             * @example {}
             */
            config: {
                [key: string]: unknown;
            };
            /**
             * @description Secret config fields that have a value (never shown)
             * @example [
             *       "url"
             *     ]
             */
            secrets_set: string[];
            /**
             * @description Where deliveries go, with secrets masked
             * @example discord://****\/****
             */
            target: string;
            events: components["schemas"]["EventName"][];
            repository_ids: number[] | null;
            enabled: boolean;
            template: components["schemas"]["MessageTemplateViewDto"];
            /** @example 60 */
            throttle_minutes: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        MessageTemplateDto: {
            /**
             * @description null or left out: the default title. Placeholders are listed by GET /api/v1/notifications/events
             * @example {title} on {repository}
             */
            title?: string | null;
            /**
             * @description null or left out: the default body
             * @example {summary}
             *     {error}
             *     {job_url}
             */
            body?: string | null;
        };
        NotificationChannelInputDto: {
            /** @example Family Discord */
            name: string;
            /**
             * @example apprise
             * @enum {unknown}
             */
            type: "apprise" | "webhook";
            /**
             * @description apprise: { "url": an Apprise URL } (secret). webhook: { "url": an http(s) address, "secret": the HMAC-SHA256 signing key (secret, 16 characters or more) }. Secrets are write-only.
             * @example {
             *       "url": "discord://webhook_id/webhook_token"
             *     }
             */
            config: {
                [key: string]: unknown;
            };
            /**
             * @example [
             *       "backup.failed",
             *       "repository.overdue"
             *     ]
             */
            events: components["schemas"]["EventName"][];
            /**
             * @description Only events about these repositories; null: all
             * @example null
             */
            repository_ids: number[] | null;
            /** @default true */
            enabled?: boolean;
            /** @description Title and body of the message (Apprise; webhooks send JSON) */
            template?: components["schemas"]["MessageTemplateDto"];
            /**
             * @description A failure like one this channel got less than this many minutes ago (same event, repository, schedule and error code) is logged as suppressed instead of sent; 0 sends every one
             * @default 60
             */
            throttle_minutes?: number;
        };
        NotificationChannelUpdateDto: {
            /** @example Family Discord */
            name?: string;
            /**
             * @example apprise
             * @enum {unknown}
             */
            type?: "apprise" | "webhook";
            /**
             * @description apprise: { "url": an Apprise URL } (secret). webhook: { "url": an http(s) address, "secret": the HMAC-SHA256 signing key (secret, 16 characters or more) }. Secrets are write-only.
             * @example {
             *       "url": "discord://webhook_id/webhook_token"
             *     }
             */
            config?: {
                [key: string]: unknown;
            };
            /**
             * @example [
             *       "backup.failed",
             *       "repository.overdue"
             *     ]
             */
            events?: components["schemas"]["EventName"][];
            /**
             * @description Only events about these repositories; null: all
             * @example null
             */
            repository_ids?: number[] | null;
            /** @default true */
            enabled?: boolean;
            /** @description Title and body of the message (Apprise; webhooks send JSON) */
            template?: components["schemas"]["MessageTemplateDto"];
            /**
             * @description A failure like one this channel got less than this many minutes ago (same event, repository, schedule and error code) is logged as suppressed instead of sent; 0 sends every one
             * @default 60
             */
            throttle_minutes?: number;
        };
        /** @enum {string} */
        DeliveryEventName: "backup.completed" | "backup.warning" | "backup.failed" | "job.failed" | "check.failed" | "prune.failed" | "cloud_sync.failed" | "schedule.skipped" | "repository.overdue" | "repository.recovered" | "repository.unreachable" | "repository.low_space" | "test";
        /**
         * @description pending: waiting to be sent (again); suppressed: throttled
         * @enum {string}
         */
        DeliveryStatus: "pending" | "delivered" | "failed" | "suppressed";
        DeliveryAttemptDto: {
            /** Format: date-time */
            attempted_at: string;
            ok: boolean;
            /**
             * @description What a webhook receiver answered
             * @example 500
             */
            http_status: number | null;
            /**
             * @description Why it failed
             * @example The receiver answered HTTP 500
             */
            reason: string | null;
            /** @example 120 */
            duration_ms: number;
        };
        NotificationDeliveryDto: {
            /** @example 7 */
            id: number;
            /**
             * Format: uuid
             * @description The webhook body’s id and X-Borgitory-Delivery
             */
            uuid: string;
            /** @example 1 */
            channel_id: number;
            /**
             * @description null when the channel was deleted
             * @example Family Discord
             */
            channel_name: string | null;
            event: components["schemas"]["DeliveryEventName"];
            /** @example The backup of "Documents" failed: Repository 1 does not exist */
            summary: string;
            /** @description pending: waiting to be sent (again); suppressed: throttled */
            status: components["schemas"]["DeliveryStatus"];
            /** @description Why it failed or was suppressed */
            reason: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            next_attempt_at: string | null;
            /** Format: date-time */
            delivered_at: string | null;
            /** @description Every attempt, oldest first */
            attempts: components["schemas"]["DeliveryAttemptDto"][];
        };
        ChannelTestResultDto: {
            /** @description Whether the service or receiver accepted the test message */
            delivered: boolean;
            http_status: number | null;
            /** @example Connection refused */
            reason: string | null;
            /** @description The test’s entry in the delivery log */
            delivery: components["schemas"]["NotificationDeliveryDto"];
        };
        HistoryBackfillDto: {
            /**
             * @description Archives whose figures are stored
             * @example 18
             */
            done: number;
            /**
             * @description Archives of the repository
             * @example 24
             */
            total: number;
        };
        ArchiveHistoryPointDto: {
            /**
             * Format: date-time
             * @description When the archive was started
             */
            time: string;
            /** @example docs-2026-11-03 */
            name: string;
            /** @description Bytes of the files backed up; null until read (see backfill) */
            original_size: number | null;
            /** @description The same after compression */
            compressed_size: number | null;
            /** @description The space the archive added to the repository: borg's deduplicated size when the archive was made here, or, for archives read later with borg info, what only that archive holds */
            deduplicated_size: number | null;
            file_count: number | null;
            /** @description borg's duration of the backup, in seconds */
            duration_seconds: number | null;
        };
        RepositoryHistoryDto: {
            /**
             * @description Archives of the repository (all of them, whatever since and limit are)
             * @example 24
             */
            archive_count: number;
            /** @description Figures of archives no backup here reported (an imported repository, archives made elsewhere) are read in the background, one borg info at a time; done < total while that goes on */
            backfill: components["schemas"]["HistoryBackfillDto"];
            /** @description Oldest first: the newest `limit` archives started at or after `since` */
            points: components["schemas"]["ArchiveHistoryPointDto"][];
            /** @description More archives matched than limit: the oldest of them are left out */
            truncated: boolean;
        };
        /**
         * @description completed: an archive was made; failed: none was, and a backup failed; missing: neither, although one was expected (an enabled schedule had a run due, or the newest archive grew older than max_age_hours); none: nothing was expected
         * @enum {string}
         */
        CalendarDayState: "completed" | "failed" | "missing" | "none";
        CalendarDayDto: {
            /**
             * @description The day, in the calendar’s time zone
             * @example 2026-11-03
             */
            date: string;
            /** @description completed: an archive was made; failed: none was, and a backup failed; missing: neither, although one was expected (an enabled schedule had a run due, or the newest archive grew older than max_age_hours); none: nothing was expected */
            state: components["schemas"]["CalendarDayState"];
            /**
             * @description Archives started that day, whoever made them
             * @example 1
             */
            archives: number;
            /**
             * @description Backup jobs that failed or were interrupted that day
             * @example 0
             */
            failed: number;
            /** @description A backup was expected that day */
            expected: boolean;
        };
        CalendarTotalsDto: {
            completed: number;
            failed: number;
            missing: number;
        };
        BackupCalendarDto: {
            /** @example Europe/Berlin */
            time_zone: string;
            /** @description Oldest first; today last */
            days: components["schemas"]["CalendarDayDto"][];
            /** @description How many days are in each state */
            totals: components["schemas"]["CalendarTotalsDto"];
        };
        /**
         * @description failed: a failed job not acknowledged, or its archive list could not be read; overdue: no archive as recent as expected; warning: a job with warnings not acknowledged, low space, or no archive yet; healthy: none of these
         * @enum {string}
         */
        RepositoryHealth: "failed" | "overdue" | "warning" | "healthy";
        /** @enum {string} */
        JobType: "backup" | "prune" | "compact" | "check" | "delete_archive" | "restore" | "cloud_sync";
        JobBriefDto: {
            /** @example 42 */
            id: number;
            type: components["schemas"]["JobType"];
            status: components["schemas"]["JobStatus"];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            started_at: string | null;
            /** Format: date-time */
            finished_at: string | null;
            /**
             * @description From start to finish, in seconds; null until it has finished
             * @example 12.5
             */
            duration_seconds: number | null;
            error: components["schemas"]["JobErrorDto"] | null;
        };
        NextRunDto: {
            /** Format: date-time */
            at: string;
            /** @example 3 */
            schedule_id: number;
            /** @example Nightly */
            schedule_name: string;
        };
        UnacknowledgedFailuresDto: {
            /**
             * @description Failed and warning jobs of the repository nobody has acknowledged
             * @example 2
             */
            count: number;
            /** @example 1 */
            failed: number;
            /** @example 1 */
            warning: number;
            /** @description The newest of them */
            newest: components["schemas"]["JobBriefDto"] | null;
        };
        RepositoryOverviewDto: {
            /** @example 1 */
            id: number;
            /** @example Documents */
            name: string;
            /** @description failed: a failed job not acknowledged, or its archive list could not be read; overdue: no archive as recent as expected; warning: a job with warnings not acknowledged, low space, or no archive yet; healthy: none of these */
            health: components["schemas"]["RepositoryHealth"];
            /** @description Every finding behind the verdict, worst first, in words; empty when healthy */
            health_reasons: string[];
            /**
             * Format: date-time
             * @description Start of the newest archive in the stored list
             */
            newest_archive_at: string | null;
            /** @description The newest finished backup job (a scheduled run is one too) */
            last_backup: components["schemas"]["JobBriefDto"] | null;
            /** @description As of the repository monitor’s last check */
            overdue: boolean;
            /** Format: date-time */
            overdue_since: string | null;
            /**
             * Format: date-time
             * @description By when a newer archive is expected
             */
            archive_expected_by: string | null;
            /** @description What is expected, in words; null when nothing is */
            expectation: string | null;
            max_age_hours: number | null;
            /** Format: date-time */
            unreachable_since: string | null;
            /** Format: date-time */
            low_space_since: string | null;
            /** @description The earliest next run of its enabled schedules */
            next_run: components["schemas"]["NextRunDto"] | null;
            /** @description Archives in the stored list (or from borg’s last answer, before the list is read) */
            archives_count: number | null;
            /** @description Bytes of all archives before compression and deduplication */
            original_size: number | null;
            /**
             * @description The original size of each of the newest archives (up to 30, oldest first) whose figures are known
             * @example [
             *       1200000,
             *       1250000,
             *       1310000
             *     ]
             */
            size_trend: number[];
            compressed_size: number | null;
            /** @description Bytes the repository really uses */
            deduplicated_size: number | null;
            /**
             * Format: date-time
             * @description When the sizes were last read from borg
             */
            stats_updated_at: string | null;
            unacknowledged_failures: components["schemas"]["UnacknowledgedFailuresDto"];
        };
        OverviewTotalsDto: {
            repositories: number;
            /** @description Repositories whose health is failed */
            failed: number;
            overdue: number;
            warning: number;
            healthy: number;
            /** @description Archives of all repositories (those whose count is known) */
            archives: number;
            /** @description Bytes of all archives before compression and deduplication */
            original_size: number;
            /** @description Bytes all repositories really use */
            deduplicated_size: number;
            /** @description Failed and warning jobs nobody has acknowledged */
            unacknowledged_failures: number;
            running_jobs: number;
            /** @description Jobs waiting for their turn */
            queued_jobs: number;
        };
        HostOverviewDto: {
            /** @example 2 */
            id: number;
            /** @example laptop */
            name: string;
            /** @example ssh://backup@laptop.local:22 */
            address: string;
            /** @description Whether its last connection test found everything pull mode needs; null: never tested */
            reachable: boolean | null;
            /** Format: date-time */
            last_test_at: string | null;
            /** @description What the last test found wrong; null when nothing */
            last_test_message: string | null;
            /** @description Its newest finished backup */
            last_backup: components["schemas"]["JobBriefDto"] | null;
        };
        OverviewDto: {
            /** @description Worst first: failed, overdue, warning, healthy; by name within each */
            repositories: components["schemas"]["RepositoryOverviewDto"][];
            totals: components["schemas"]["OverviewTotalsDto"];
            /** @description Oldest first, with their latest progress */
            running_jobs: components["schemas"]["JobDto"][];
            /** @description The hosts backed up in pull mode, by name, with their reachability and newest backup */
            hosts: components["schemas"]["HostOverviewDto"][];
            /** Format: date-time */
            generated_at: string;
        };
        SearchRepositoryDto: {
            id: number;
            name: string;
        };
        FileVersionDto: {
            archive_name: string;
            /** Format: date-time */
            archive_start: string;
            /** @description Bytes */
            size: number;
            /** Format: date-time */
            mtime: string | null;
        };
        FileHitDto: {
            /** @description Last path component. Names are bytes: a byte that is not part of valid UTF-8 appears as the lone surrogate U+DC80+byte (escaped \udcXX in JSON, as Python's surrogateescape and borg do). Send paths back percent-encoding their bytes. */
            name: string;
            /**
             * @description Path in the archive, with a leading slash
             * @example /home/user/documents/report.pdf
             */
            path: string;
            type: components["schemas"]["ArchiveEntryType"];
            /** @description Bytes; for a directory, all regular files below it */
            size: number;
            /**
             * Format: date-time
             * @description null for directories the archive only implies
             */
            mtime: string | null;
            /** @example -rw-r--r-- */
            mode: string | null;
            /** @description Target of a symlink, or the file a hard link shares data with */
            link_target: string | null;
            /** @description False when borg check replaced lost chunks of the file with zeros */
            healthy: boolean;
            repository: components["schemas"]["SearchRepositoryDto"];
            /** @description The newest searched archive that holds the path */
            archive_name: string;
            /** Format: date-time */
            archive_start: string;
            /** @description The other searched archives of the repository that hold the same path, newest first */
            versions: components["schemas"]["FileVersionDto"][];
        };
        RepositorySearchedDto: {
            id: number;
            name: string;
            /** @description Archives whose index was searched */
            searched_archives: number;
            /** @description Archives without an index, not searched (browse one, or back up, to index it) */
            not_indexed: number;
            /** @description Indexed archives older than the newest ones searched, left out to bound the work */
            not_searched: number;
        };
        FileSearchResultDto: {
            /** @description One hit per repository and path, by repository name then path */
            hits: components["schemas"]["FileHitDto"][];
            /** @description Hits in all */
            total: number;
            limit: number;
            offset: number;
            /** @description Whether an archive held more matches than are read of one archive (the search should be narrower) */
            truncated: boolean;
            /** @description Every repository, with what of it was searched */
            repositories: components["schemas"]["RepositorySearchedDto"][];
        };
        /**
         * @description skipped: an earlier step ended the job
         * @enum {string}
         */
        JobStepStatus: "pending" | "running" | "completed" | "warning" | "failed" | "cancelled" | "interrupted" | "skipped";
        BackupParametersDto: {
            /**
             * @example [
             *       "/home/user/documents"
             *     ]
             */
            source_paths: string[];
            /**
             * @description The name as given, placeholders and all
             * @example documents-2026-12-05T03:00:00
             */
            archive_name: string;
            /** @example lz4 */
            compression: string;
            /**
             * @example [
             *       "*.tmp"
             *     ]
             */
            exclude_patterns: string[];
            dry_run: boolean;
            one_file_system: boolean;
            comment: string | null;
            /** @description Runs of a schedule: which one */
            schedule_id?: number;
            /** @description Runs of a schedule: its name when the run started */
            schedule_name?: string;
            /** @description A backup of a host (borg's pull mode): which one; source_paths are on it */
            host_id?: number;
            /** @description A backup of a host: its name when the backup was asked for */
            host_name?: string;
        };
        BackupResultDto: {
            /** @example documents-2026-12-05T03:00:00 */
            archive_name: string;
            /** @description borg's id of the archive (hex) */
            archive_id: string;
            files: number;
            original_size: number;
            compressed_size: number;
            /** @description Bytes this archive added to the repository */
            deduplicated_size: number;
            duration_seconds: number;
        };
        BackupStepDto: {
            /**
             * @description 1-based order of the step in its job
             * @example 1
             */
            position: number;
            /** @description skipped: an earlier step ended the job */
            status: components["schemas"]["JobStepStatus"];
            /** @description Runs even after an earlier step failed or the job was cancelled */
            run_on_failure: boolean;
            /** Format: date-time */
            started_at: string | null;
            /** Format: date-time */
            finished_at: string | null;
            error: components["schemas"]["JobErrorDto"] | null;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "backup";
            /** @description What this step was given (a hook's name and command, a prune's rules); null: the job's parameters */
            parameters: components["schemas"]["BackupParametersDto"] | null;
            /** @description What the step reported when it succeeded */
            result: components["schemas"]["BackupResultDto"] | null;
        };
        PruneRulesDto: {
            /** @example 7d */
            keep_within?: string;
            keep_last?: number;
            keep_secondly?: number;
            keep_minutely?: number;
            keep_hourly?: number;
            keep_daily?: number;
            keep_weekly?: number;
            keep_monthly?: number;
            keep_yearly?: number;
            /** @example documents-* */
            glob_archives?: string;
        };
        PruneParametersDto: {
            pruning_policy_id: number;
            /** @example Keep 7 daily */
            policy_name: string;
            rules: components["schemas"]["PruneRulesDto"];
            /** @description A compact step follows the prune */
            compact_after: boolean;
            dry_run: boolean;
        };
        PruneResultDto: {
            dry_run: boolean;
            kept: components["schemas"]["KeptArchiveDto"][];
            pruned: string[];
        };
        PruneStepDto: {
            /**
             * @description 1-based order of the step in its job
             * @example 1
             */
            position: number;
            /** @description skipped: an earlier step ended the job */
            status: components["schemas"]["JobStepStatus"];
            /** @description Runs even after an earlier step failed or the job was cancelled */
            run_on_failure: boolean;
            /** Format: date-time */
            started_at: string | null;
            /** Format: date-time */
            finished_at: string | null;
            error: components["schemas"]["JobErrorDto"] | null;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "prune";
            /** @description What this step was given (a hook's name and command, a prune's rules); null: the job's parameters */
            parameters: components["schemas"]["PruneParametersDto"] | null;
            /** @description What the step reported when it succeeded */
            result: components["schemas"]["PruneResultDto"] | null;
        };
        CompactParametersDto: Record<string, never>;
        CompactStepDto: {
            /**
             * @description 1-based order of the step in its job
             * @example 1
             */
            position: number;
            /** @description skipped: an earlier step ended the job */
            status: components["schemas"]["JobStepStatus"];
            /** @description Runs even after an earlier step failed or the job was cancelled */
            run_on_failure: boolean;
            /** Format: date-time */
            started_at: string | null;
            /** Format: date-time */
            finished_at: string | null;
            error: components["schemas"]["JobErrorDto"] | null;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "compact";
            /** @description What this step was given (a hook's name and command, a prune's rules); null: the job's parameters */
            parameters: components["schemas"]["CompactParametersDto"] | null;
            /** @description Always null */
            result: Record<string, never> | null;
        };
        CheckOptionsDto: {
            repository_only?: boolean;
            archives_only?: boolean;
            verify_data?: boolean;
            /** @description Seconds; partial repository checks only */
            max_duration?: number;
            /** @example documents-* */
            glob_archives?: string;
            /** @description Only the first N archives */
            first?: number;
            /** @description Only the last N archives */
            last?: number;
        };
        CheckParametersDto: {
            check_policy_id: number | null;
            policy_name: string | null;
            options: components["schemas"]["CheckOptionsDto"];
            repair: boolean;
        };
        CheckResultDto: {
            /** @description borg check ran with --repair */
            repaired: boolean;
            /** @description Problems borg reported (a check without repair that finds any fails) */
            problems: number;
        };
        CheckStepDto: {
            /**
             * @description 1-based order of the step in its job
             * @example 1
             */
            position: number;
            /** @description skipped: an earlier step ended the job */
            status: components["schemas"]["JobStepStatus"];
            /** @description Runs even after an earlier step failed or the job was cancelled */
            run_on_failure: boolean;
            /** Format: date-time */
            started_at: string | null;
            /** Format: date-time */
            finished_at: string | null;
            error: components["schemas"]["JobErrorDto"] | null;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "check";
            /** @description What this step was given (a hook's name and command, a prune's rules); null: the job's parameters */
            parameters: components["schemas"]["CheckParametersDto"] | null;
            /** @description What the step reported when it succeeded */
            result: components["schemas"]["CheckResultDto"] | null;
        };
        DeleteArchiveParametersDto: {
            /** @description The archive deleted (the first of them when several were deleted at once) */
            archive_name: string;
            /** @description Every archive deleted, when several were deleted in one borg call */
            archive_names?: string[];
        };
        DeleteArchiveResultDto: {
            /** @description The archive deleted (the first of them when several were deleted at once) */
            archive_name: string;
            /** @description Every archive deleted, when several were deleted in one borg call */
            archive_names?: string[];
        };
        DeleteArchiveStepDto: {
            /**
             * @description 1-based order of the step in its job
             * @example 1
             */
            position: number;
            /** @description skipped: an earlier step ended the job */
            status: components["schemas"]["JobStepStatus"];
            /** @description Runs even after an earlier step failed or the job was cancelled */
            run_on_failure: boolean;
            /** Format: date-time */
            started_at: string | null;
            /** Format: date-time */
            finished_at: string | null;
            error: components["schemas"]["JobErrorDto"] | null;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "delete_archive";
            /** @description What this step was given (a hook's name and command, a prune's rules); null: the job's parameters */
            parameters: components["schemas"]["DeleteArchiveParametersDto"] | null;
            /** @description What the step reported when it succeeded */
            result: components["schemas"]["DeleteArchiveResultDto"] | null;
        };
        RestoreParametersDto: {
            archive_name: string;
            /** @description Archive paths without their leading slash (surrogate-escaped); none: the whole archive */
            paths: string[];
            /** @example /srv/restore */
            destination: string;
            strip_components: number;
            overwrite: boolean;
            /** @description A restore onto a host (pull mode): which one; destination is on it */
            host_id?: number;
            /** @description A restore onto a host: its name when the restore was asked for */
            host_name?: string;
        };
        RestoreResultDto: {
            archive_name: string;
            destination: string;
            /** @description How many paths were asked for (0: the whole archive) */
            path_count: number;
        };
        RestoreStepDto: {
            /**
             * @description 1-based order of the step in its job
             * @example 1
             */
            position: number;
            /** @description skipped: an earlier step ended the job */
            status: components["schemas"]["JobStepStatus"];
            /** @description Runs even after an earlier step failed or the job was cancelled */
            run_on_failure: boolean;
            /** Format: date-time */
            started_at: string | null;
            /** Format: date-time */
            finished_at: string | null;
            error: components["schemas"]["JobErrorDto"] | null;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "restore";
            /** @description What this step was given (a hook's name and command, a prune's rules); null: the job's parameters */
            parameters: components["schemas"]["RestoreParametersDto"] | null;
            /** @description What the step reported when it succeeded */
            result: components["schemas"]["RestoreResultDto"] | null;
        };
        CloudSyncParametersDto: {
            cloud_sync_config_id: number;
            config_name: string;
        };
        CloudSyncResultDto: {
            config_name: string;
            provider: components["schemas"]["CloudProviderName"];
            mode: components["schemas"]["CloudSyncMode"];
            /** @example s3://bucket/borg/documents */
            remote_path: string;
            bytes_transferred: number;
            files_transferred: number;
            files_checked: number;
            files_deleted: number;
            duration_seconds: number;
        };
        CloudSyncStepDto: {
            /**
             * @description 1-based order of the step in its job
             * @example 1
             */
            position: number;
            /** @description skipped: an earlier step ended the job */
            status: components["schemas"]["JobStepStatus"];
            /** @description Runs even after an earlier step failed or the job was cancelled */
            run_on_failure: boolean;
            /** Format: date-time */
            started_at: string | null;
            /** Format: date-time */
            finished_at: string | null;
            error: components["schemas"]["JobErrorDto"] | null;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "cloud_sync";
            /** @description What this step was given (a hook's name and command, a prune's rules); null: the job's parameters */
            parameters: components["schemas"]["CloudSyncParametersDto"] | null;
            /** @description What the step reported when it succeeded */
            result: components["schemas"]["CloudSyncResultDto"] | null;
        };
        /** @enum {string} */
        HookPhase: "pre" | "post";
        HookStepParametersDto: {
            /** @example Dump the database */
            name: string;
            /**
             * @example [
             *       "pg_dump",
             *       "--file=/var/backups/app.sql",
             *       "app"
             *     ]
             */
            command: string[];
            shell: boolean;
            /** @example 600 */
            timeout_seconds: number;
            critical: boolean;
            run_on_failure: boolean;
            env: {
                [key: string]: string;
            };
            phase: components["schemas"]["HookPhase"];
            schedule_id: number;
            schedule_name: string;
        };
        HookResultDto: {
            /** @description null: the hook did not exit by itself (killed, timed out, not started) */
            exit_code: number | null;
            duration_seconds: number;
        };
        HookStepDto: {
            /**
             * @description 1-based order of the step in its job
             * @example 1
             */
            position: number;
            /** @description skipped: an earlier step ended the job */
            status: components["schemas"]["JobStepStatus"];
            /** @description Runs even after an earlier step failed or the job was cancelled */
            run_on_failure: boolean;
            /** Format: date-time */
            started_at: string | null;
            /** Format: date-time */
            finished_at: string | null;
            error: components["schemas"]["JobErrorDto"] | null;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "hook";
            /** @description What this step was given (a hook's name and command, a prune's rules); null: the job's parameters */
            parameters: components["schemas"]["HookStepParametersDto"] | null;
            /** @description What the step reported when it succeeded */
            result: components["schemas"]["HookResultDto"] | null;
        };
        /** @enum {string} */
        JobTrigger: "manual" | "schedule" | "retry";
        JobProgressDto: {
            /** @description Files processed so far */
            files?: number;
            /** @description Bytes read so far, before compression and deduplication */
            original_size?: number;
            compressed_size?: number;
            deduplicated_size?: number;
            /** @example /home/user/documents/report.pdf */
            current_path?: string;
            /** @description Units done of total, for steps that count (check, prune; bytes for a cloud sync) */
            current?: number;
            total?: number;
            /**
             * @description current of total in percent (one decimal) when the step knows its total; for a backup, an estimate (see estimated)
             * @example 42.5
             */
            percent?: number;
            /** @example Checking segments 42% */
            message?: string;
            /**
             * @description What the step is doing, in words, for steps whose figures say little (prune, compact, check)
             * @example Checking the archives
             */
            phase?: string;
            /**
             * @description Seconds left, estimated (a backup of the same sources as an earlier archive); null while too little is known or once past what that archive held
             * @example 95
             */
            eta_seconds?: number | null;
            /** @description percent and eta_seconds are an estimate from the previous archive of the same sources, not a count */
            estimated?: boolean;
            /** @description Bytes per second: rclone's measured speed for a cloud sync, else original_size per second since the step started */
            rate_bytes_per_second: number | null;
            /**
             * @description Seconds since the job started
             * @example 12.5
             */
            elapsed_seconds: number;
        };
        BackupJobDto: {
            /** @example 12 */
            id: number;
            status: components["schemas"]["JobStatus"];
            /** @description May name a repository that has since been deleted */
            repository_id: number | null;
            trigger: components["schemas"]["JobTrigger"];
            /** @description For retries: the job this one repeats */
            retry_of_id: number | null;
            /** @description The schedule this job is a run of (or a retry of one) */
            schedule_id: number | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            started_at: string | null;
            /** Format: date-time */
            finished_at: string | null;
            progress: components["schemas"]["JobProgressDto"] | null;
            warnings: string[];
            error: components["schemas"]["JobErrorDto"] | null;
            /** @description The log reached its size cap and later lines were dropped */
            log_truncated: boolean;
            /**
             * Format: date-time
             * @description When someone acknowledged this failed or warning job; until then it counts on the dashboard (GET /api/v1/overview)
             */
            acknowledged_at: string | null;
            steps: components["schemas"]["JobStepDto"][];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "backup";
            /** @description What the job was asked to do (never secrets) */
            parameters: components["schemas"]["BackupParametersDto"];
            /** @description What the job's own step reported when it succeeded (e.g. archive stats) */
            result: components["schemas"]["BackupResultDto"] | null;
        };
        PruneJobDto: {
            /** @example 12 */
            id: number;
            status: components["schemas"]["JobStatus"];
            /** @description May name a repository that has since been deleted */
            repository_id: number | null;
            trigger: components["schemas"]["JobTrigger"];
            /** @description For retries: the job this one repeats */
            retry_of_id: number | null;
            /** @description The schedule this job is a run of (or a retry of one) */
            schedule_id: number | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            started_at: string | null;
            /** Format: date-time */
            finished_at: string | null;
            progress: components["schemas"]["JobProgressDto"] | null;
            warnings: string[];
            error: components["schemas"]["JobErrorDto"] | null;
            /** @description The log reached its size cap and later lines were dropped */
            log_truncated: boolean;
            /**
             * Format: date-time
             * @description When someone acknowledged this failed or warning job; until then it counts on the dashboard (GET /api/v1/overview)
             */
            acknowledged_at: string | null;
            steps: components["schemas"]["JobStepDto"][];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "prune";
            /** @description What the job was asked to do (never secrets) */
            parameters: components["schemas"]["PruneParametersDto"];
            /** @description What the job's own step reported when it succeeded (e.g. archive stats) */
            result: components["schemas"]["PruneResultDto"] | null;
        };
        CompactJobDto: {
            /** @example 12 */
            id: number;
            status: components["schemas"]["JobStatus"];
            /** @description May name a repository that has since been deleted */
            repository_id: number | null;
            trigger: components["schemas"]["JobTrigger"];
            /** @description For retries: the job this one repeats */
            retry_of_id: number | null;
            /** @description The schedule this job is a run of (or a retry of one) */
            schedule_id: number | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            started_at: string | null;
            /** Format: date-time */
            finished_at: string | null;
            progress: components["schemas"]["JobProgressDto"] | null;
            warnings: string[];
            error: components["schemas"]["JobErrorDto"] | null;
            /** @description The log reached its size cap and later lines were dropped */
            log_truncated: boolean;
            /**
             * Format: date-time
             * @description When someone acknowledged this failed or warning job; until then it counts on the dashboard (GET /api/v1/overview)
             */
            acknowledged_at: string | null;
            steps: components["schemas"]["JobStepDto"][];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "compact";
            /** @description What the job was asked to do (never secrets) */
            parameters: components["schemas"]["CompactParametersDto"];
            /** @description Always null */
            result: Record<string, never> | null;
        };
        CheckJobDto: {
            /** @example 12 */
            id: number;
            status: components["schemas"]["JobStatus"];
            /** @description May name a repository that has since been deleted */
            repository_id: number | null;
            trigger: components["schemas"]["JobTrigger"];
            /** @description For retries: the job this one repeats */
            retry_of_id: number | null;
            /** @description The schedule this job is a run of (or a retry of one) */
            schedule_id: number | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            started_at: string | null;
            /** Format: date-time */
            finished_at: string | null;
            progress: components["schemas"]["JobProgressDto"] | null;
            warnings: string[];
            error: components["schemas"]["JobErrorDto"] | null;
            /** @description The log reached its size cap and later lines were dropped */
            log_truncated: boolean;
            /**
             * Format: date-time
             * @description When someone acknowledged this failed or warning job; until then it counts on the dashboard (GET /api/v1/overview)
             */
            acknowledged_at: string | null;
            steps: components["schemas"]["JobStepDto"][];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "check";
            /** @description What the job was asked to do (never secrets) */
            parameters: components["schemas"]["CheckParametersDto"];
            /** @description What the job's own step reported when it succeeded (e.g. archive stats) */
            result: components["schemas"]["CheckResultDto"] | null;
        };
        DeleteArchiveJobDto: {
            /** @example 12 */
            id: number;
            status: components["schemas"]["JobStatus"];
            /** @description May name a repository that has since been deleted */
            repository_id: number | null;
            trigger: components["schemas"]["JobTrigger"];
            /** @description For retries: the job this one repeats */
            retry_of_id: number | null;
            /** @description The schedule this job is a run of (or a retry of one) */
            schedule_id: number | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            started_at: string | null;
            /** Format: date-time */
            finished_at: string | null;
            progress: components["schemas"]["JobProgressDto"] | null;
            warnings: string[];
            error: components["schemas"]["JobErrorDto"] | null;
            /** @description The log reached its size cap and later lines were dropped */
            log_truncated: boolean;
            /**
             * Format: date-time
             * @description When someone acknowledged this failed or warning job; until then it counts on the dashboard (GET /api/v1/overview)
             */
            acknowledged_at: string | null;
            steps: components["schemas"]["JobStepDto"][];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "delete_archive";
            /** @description What the job was asked to do (never secrets) */
            parameters: components["schemas"]["DeleteArchiveParametersDto"];
            /** @description What the job's own step reported when it succeeded (e.g. archive stats) */
            result: components["schemas"]["DeleteArchiveResultDto"] | null;
        };
        RestoreJobDto: {
            /** @example 12 */
            id: number;
            status: components["schemas"]["JobStatus"];
            /** @description May name a repository that has since been deleted */
            repository_id: number | null;
            trigger: components["schemas"]["JobTrigger"];
            /** @description For retries: the job this one repeats */
            retry_of_id: number | null;
            /** @description The schedule this job is a run of (or a retry of one) */
            schedule_id: number | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            started_at: string | null;
            /** Format: date-time */
            finished_at: string | null;
            progress: components["schemas"]["JobProgressDto"] | null;
            warnings: string[];
            error: components["schemas"]["JobErrorDto"] | null;
            /** @description The log reached its size cap and later lines were dropped */
            log_truncated: boolean;
            /**
             * Format: date-time
             * @description When someone acknowledged this failed or warning job; until then it counts on the dashboard (GET /api/v1/overview)
             */
            acknowledged_at: string | null;
            steps: components["schemas"]["JobStepDto"][];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "restore";
            /** @description What the job was asked to do (never secrets) */
            parameters: components["schemas"]["RestoreParametersDto"];
            /** @description What the job's own step reported when it succeeded (e.g. archive stats) */
            result: components["schemas"]["RestoreResultDto"] | null;
        };
        CloudSyncJobDto: {
            /** @example 12 */
            id: number;
            status: components["schemas"]["JobStatus"];
            /** @description May name a repository that has since been deleted */
            repository_id: number | null;
            trigger: components["schemas"]["JobTrigger"];
            /** @description For retries: the job this one repeats */
            retry_of_id: number | null;
            /** @description The schedule this job is a run of (or a retry of one) */
            schedule_id: number | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            started_at: string | null;
            /** Format: date-time */
            finished_at: string | null;
            progress: components["schemas"]["JobProgressDto"] | null;
            warnings: string[];
            error: components["schemas"]["JobErrorDto"] | null;
            /** @description The log reached its size cap and later lines were dropped */
            log_truncated: boolean;
            /**
             * Format: date-time
             * @description When someone acknowledged this failed or warning job; until then it counts on the dashboard (GET /api/v1/overview)
             */
            acknowledged_at: string | null;
            steps: components["schemas"]["JobStepDto"][];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "cloud_sync";
            /** @description What the job was asked to do (never secrets) */
            parameters: components["schemas"]["CloudSyncParametersDto"];
            /** @description What the job's own step reported when it succeeded (e.g. archive stats) */
            result: components["schemas"]["CloudSyncResultDto"] | null;
        };
        JobStepDto: components["schemas"]["BackupStepDto"] | components["schemas"]["PruneStepDto"] | components["schemas"]["CompactStepDto"] | components["schemas"]["CheckStepDto"] | components["schemas"]["DeleteArchiveStepDto"] | components["schemas"]["RestoreStepDto"] | components["schemas"]["CloudSyncStepDto"] | components["schemas"]["HookStepDto"];
        JobDto: components["schemas"]["BackupJobDto"] | components["schemas"]["PruneJobDto"] | components["schemas"]["CompactJobDto"] | components["schemas"]["CheckJobDto"] | components["schemas"]["DeleteArchiveJobDto"] | components["schemas"]["RestoreJobDto"] | components["schemas"]["CloudSyncJobDto"];
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: {
        /** @description The version of the API that answered */
        "API-Version": "1";
    };
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
                    "API-Version": components["headers"]["API-Version"];
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
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
                    "API-Version": components["headers"]["API-Version"];
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
                    "API-Version": components["headers"]["API-Version"];
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
                    "API-Version": components["headers"]["API-Version"];
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
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
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
                    "API-Version": components["headers"]["API-Version"];
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
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Too many attempts */
            429: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
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
                    "API-Version": components["headers"]["API-Version"];
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    authChangePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordChangeDto"];
            };
        };
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    usersList: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                /** @description Users whose username contains this text, in any case */
                q?: string;
                /** @description Users of these roles; one value or several separated by commas */
                role?: ("viewer" | "operator" | "admin")[];
                /** @description Users created at or after this time (ISO 8601: a date-time with its zone, or a date, which is midnight UTC) */
                created_after?: string;
                /** @description Users created before this time (ISO 8601: a date-time with its zone, or a date, which is midnight UTC) */
                created_before?: string;
                /** @description Order by these fields, separated by commas, each ascending or with a leading `-` descending: `username`, `created_at`, `id`. Default `id` */
                sort?: ("username" | "-username" | "created_at" | "-created_at" | "id" | "-id")[];
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["UserDto"][];
                        message: string;
                        meta: components["schemas"]["PageMetaDto"];
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below admin */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description A filter or sort field the list does not know, or a value it refuses; details name the field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    usersCreate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
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
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below admin */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    usersGet: {
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
                    "API-Version": components["headers"]["API-Version"];
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
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below admin */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    usersUpdate: {
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
                "application/json": components["schemas"]["UpdateUserDto"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
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
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below admin */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    usersRemove: {
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
            /** @description Done; no content */
            204: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below admin */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    usersResetTwoFactor: {
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
            /** @description Done; no content */
            204: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below admin */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    ownSessionsList: {
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["OwnSessionDto"][];
                        message: string;
                    };
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    ownSessionsRevokeOthers: {
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["RevokedSessionsDto"];
                        message: string;
                    };
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    ownSessionsRevoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    auditList: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                /** @description These users' entries; one id or several separated by commas */
                user_id?: number[];
                /** @description Entries of these operations, exactly as entries name them; one value or several separated by commas */
                action?: string[];
                /** @description Entries at or after this time */
                since?: string;
                /** @description Entries at or before this time */
                until?: string;
                /** @description Order by these fields, separated by commas, each ascending or with a leading `-` descending: `occurred_at`, `id`. Default `-occurred_at` */
                sort?: ("occurred_at" | "-occurred_at" | "id" | "-id")[];
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["AuditEntryDto"][];
                        message: string;
                        meta: components["schemas"]["PageMetaDto"];
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below admin */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description A filter or sort field the list does not know, or a value it refuses; details name the field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    auditActions: {
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["AuditActionDto"][];
                        message: string;
                    };
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below admin */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    apiKeysList: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["ApiKeyDto"][];
                        message: string;
                        meta: components["schemas"]["PageMetaDto"];
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    apiKeysCreate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiKeyDto"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["CreatedApiKeyDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    apiKeysRevoke: {
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
            /** @description Done; no content */
            204: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    twoFactorStart: {
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["TwoFactorEnrolmentDto"];
                        message: string;
                    };
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    twoFactorDisable: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TwoFactorDisableDto"];
            };
        };
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    twoFactorConfirm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TwoFactorCodeDto"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["RecoveryCodesDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
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
                limit?: number;
                offset?: number;
                /** @description Those whose name contains this text, in any case */
                q?: string;
                /** @description Those created at or after this time (ISO 8601: a date-time with its zone, or a date, which is midnight UTC) */
                created_after?: string;
                /** @description Those created before this time (ISO 8601: a date-time with its zone, or a date, which is midnight UTC) */
                created_before?: string;
                /** @description Order by these fields, separated by commas, each ascending or with a leading `-` descending: `name`, `created_at`, `id`. Default `name` */
                sort?: ("name" | "-name" | "created_at" | "-created_at" | "id" | "-id")[];
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
                    "API-Version": components["headers"]["API-Version"];
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description A filter or sort field the list does not know, or a value it refuses; details name the field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
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
                    "API-Version": components["headers"]["API-Version"];
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below admin */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
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
                    "API-Version": components["headers"]["API-Version"];
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
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
                    "API-Version": components["headers"]["API-Version"];
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below admin */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below admin */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
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
                    "API-Version": components["headers"]["API-Version"];
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below operator */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
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
                    "API-Version": components["headers"]["API-Version"];
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
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
                    "API-Version": components["headers"]["API-Version"];
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below admin */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
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
                    "API-Version": components["headers"]["API-Version"];
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below admin */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
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
                    "API-Version": components["headers"]["API-Version"];
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    serverSettingsList: {
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["ServerSettingDto"][];
                        message: string;
                    };
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below admin */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    jobsList: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                /** @description Jobs in these statuses; one value or several separated by commas */
                status?: components["schemas"]["JobStatus"][];
                /** @description Jobs of these types; one value or several separated by commas */
                type?: components["schemas"]["JobType"][];
                /** @description These repositories' jobs; one id or several separated by commas */
                repository_id?: number[];
                /** @description These schedules' runs; one id or several separated by commas */
                schedule_id?: number[];
                /** @description Jobs created at or after this time (ISO 8601: a date-time with its zone, or a date, which is midnight UTC) */
                created_after?: string;
                /** @description Jobs created before this time (ISO 8601: a date-time with its zone, or a date, which is midnight UTC) */
                created_before?: string;
                /** @description Order by these fields, separated by commas, each ascending or with a leading `-` descending: `created_at`, `started_at`, `finished_at`, `id`. Default `-created_at` */
                sort?: ("created_at" | "-created_at" | "started_at" | "-started_at" | "finished_at" | "-finished_at" | "id" | "-id")[];
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["JobDto"][];
                        message: string;
                        meta: components["schemas"]["PageMetaDto"];
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description A filter or sort field the list does not know, or a value it refuses; details name the field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    jobsStreamAll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An endless event stream */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    jobsGet: {
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["JobDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    jobsCancel: {
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["JobDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below operator */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    jobsRetry: {
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
            201: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["JobDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below operator */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    jobsBulk: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["JobBulkDto"];
            };
        };
        responses: {
            /** @description Every item succeeded */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["BulkResultDto"];
                        message: string;
                    };
                };
            };
            /** @description Some items (or all) failed: `results` says which and why; the others were done */
            207: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["BulkResultDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below operator */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    jobsAcknowledgeAll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcknowledgeJobsDto"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["AcknowledgedJobsDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below operator */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    jobsAcknowledge: {
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["JobDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below operator */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    jobsLogs: {
        parameters: {
            query?: {
                /** @description Byte offset: 0, or a next_offset / SSE event id from before */
                offset?: number;
                /** @description Most lines to return */
                limit?: number;
                /** @description text: the whole log as text/plain */
                format?: "json" | "text";
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Log lines (JSON), or the whole log (text/plain) */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["JobLogPageDto"];
                        message: string;
                    };
                    "text/plain": string;
                };
            };
            /** @description Malformed request (bad query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    jobsStream: {
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
            /** @description Server-Sent Events: `status` (JobDto), `progress` (JobProgressDto), `log` ({offset, time, level, message}; its id is the byte offset after the line, so Last-Event-ID resumes the log), and a final `done` (JobDto), after which the server ends the stream (close the EventSource then). A `: keep-alive` comment comes every 15 s. */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description Malformed request (bad query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    backupsManual: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ManualBackupDto"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["JobDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below operator */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    filesystemDirectory: {
        parameters: {
            query?: {
                path?: string;
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["DirectoryListingDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    archivesList: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                /** @description true: read the list from borg first instead of the stored one */
                refresh?: "true" | "false";
                /** @description By start time: desc is newest first (without `sort`) */
                order?: "desc" | "asc";
                /** @description Archives started at or after this time (ISO 8601: a date-time with its zone, or a date, which is midnight UTC) */
                created_after?: string;
                /** @description Archives started before this time (ISO 8601: a date-time with its zone, or a date, which is midnight UTC) */
                created_before?: string;
                /** @description Archives of at least this original size (bytes) */
                min_size?: number;
                /** @description Archives of at most this original size (bytes) */
                max_size?: number;
                /** @description Archives whose name contains this text, in any case */
                q?: string;
                /** @description Archives whose name matches this borg-style shell pattern: `*` any text, `?` one character, `[...]` one of, `[!...]` none of; case-sensitive */
                glob?: string;
                /** @description Order by these fields, separated by commas, each ascending or with a leading `-` descending: `created_at`, `name`, `original_size`. Default `-created_at` */
                sort?: ("created_at" | "-created_at" | "name" | "-name" | "original_size" | "-original_size")[];
            };
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["ArchiveDto"][];
                        message: string;
                        meta: components["schemas"]["PageMetaDto"];
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    archivesRemoveMany: {
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
                "application/json": components["schemas"]["DeleteArchivesDto"];
            };
        };
        responses: {
            /** @description Done: data is the finished job */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["JobDto"];
                        message: string;
                    };
                };
            };
            /** @description Still running: data is the job */
            202: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["JobDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below admin */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    archivesDetails: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                archive: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["ArchiveDetailsDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    archivesRemove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                archive: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Still running: data is the job */
            202: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["JobDto"];
                        message: string;
                    };
                };
            };
            /** @description Done; no content */
            204: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below admin */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    archivesBrowse: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                /** @description Directory in the archive, with or without a leading slash; default the root. Percent-encode its bytes (a name that is not UTF-8 has bytes no string can carry). ".." is refused. */
                path?: string;
                /** @description Directories always come first */
                sort?: "name" | "size" | "mtime";
                order?: "asc" | "desc";
            };
            header?: never;
            path: {
                id: number;
                archive: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["ArchiveEntryDto"][];
                        message: string;
                        meta: components["schemas"]["PageMetaDto"];
                    };
                };
            };
            /** @description The archive is being indexed for browsing; data is the progress. Ask again shortly. */
            202: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["ArchiveIndexStatusDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    archivesDownload: {
        parameters: {
            query: {
                /** @description A file (streamed as it is) or a directory (streamed as a tar). Percent-encode the bytes of the path. */
                path: string;
            };
            header?: never;
            path: {
                id: number;
                archive: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A directory: application/x-tar. A file: the media type its name has (text/plain for notes.txt, image/png…), application/octet-stream when the name says none */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/x-tar": string;
                    "*/*": string;
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below operator */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    archivesIndexStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                archive: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["ArchiveIndexStatusDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    archivesStartIndex: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                archive: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            202: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["ArchiveIndexStatusDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below operator */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    archivesRestore: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                archive: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RestoreArchiveDto"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["JobDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below operator */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    archivesDiff: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                /** @description Only this subtree. Percent-encode its bytes. */
                path?: string;
                /** @description true: only content changes, not mode, owner or time */
                content_only?: "true" | "false";
            };
            header?: never;
            path: {
                id: number;
                archive: string;
                other: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["DiffEntryDto"][];
                        message: string;
                        meta: components["schemas"]["PageMetaDto"];
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    archivesSearch: {
        parameters: {
            query: {
                /** @description Part of a file or directory name (case-insensitive for ASCII letters) */
                q: string;
                limit?: number;
            };
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["SearchResultDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    restoreRootsGet: {
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["RestoreRootsDto"];
                        message: string;
                    };
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below operator */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    cloudSyncProviders: {
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["CloudProviderDto"][];
                        message: string;
                    };
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    cloudSyncList: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                /** @description Those whose name contains this text, in any case */
                q?: string;
                /** @description Those created at or after this time (ISO 8601: a date-time with its zone, or a date, which is midnight UTC) */
                created_after?: string;
                /** @description Those created before this time (ISO 8601: a date-time with its zone, or a date, which is midnight UTC) */
                created_before?: string;
                /** @description Order by these fields, separated by commas, each ascending or with a leading `-` descending: `name`, `created_at`, `id`. Default `name` */
                sort?: ("name" | "-name" | "created_at" | "-created_at" | "id" | "-id")[];
                /** @description Configurations of these providers; one value or several separated by commas */
                provider?: ("s3" | "sftp" | "webdav" | "smb" | "local")[];
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["CloudSyncConfigDto"][];
                        message: string;
                        meta: components["schemas"]["PageMetaDto"];
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description A filter or sort field the list does not know, or a value it refuses; details name the field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    cloudSyncCreate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CloudSyncConfigInputDto"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["CloudSyncConfigDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below admin */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    cloudSyncGet: {
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["CloudSyncConfigDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    cloudSyncUpdate: {
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
                "application/json": components["schemas"]["CloudSyncConfigUpdateDto"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["CloudSyncConfigDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below admin */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    cloudSyncRemove: {
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
            /** @description Done; no content */
            204: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below admin */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    cloudSyncTest: {
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["ConnectionTestDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below operator */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    cloudSyncVerify: {
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
                "application/json": components["schemas"]["CloudSyncRepositoryDto"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["CloudVerifyResultDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below operator */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    cloudSyncSyncWith: {
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
                "application/json": components["schemas"]["CloudSyncRepositoryDto"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["JobDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below operator */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    cloudSyncSync: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CloudSyncRequestDto"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    /** @description When the operation was deprecated (RFC 9745): `@` and a Unix time */
                    Deprecation?: string;
                    /** @description After this HTTP date the operation may be removed (RFC 8594) */
                    Sunset?: string;
                    /** @description The successor's documentation, `rel="successor-version"` */
                    Link?: string;
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["JobDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    /** @description When the operation was deprecated (RFC 9745): `@` and a Unix time */
                    Deprecation?: string;
                    /** @description After this HTTP date the operation may be removed (RFC 8594) */
                    Sunset?: string;
                    /** @description The successor's documentation, `rel="successor-version"` */
                    Link?: string;
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    /** @description When the operation was deprecated (RFC 9745): `@` and a Unix time */
                    Deprecation?: string;
                    /** @description After this HTTP date the operation may be removed (RFC 8594) */
                    Sunset?: string;
                    /** @description The successor's documentation, `rel="successor-version"` */
                    Link?: string;
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below operator */
            403: {
                headers: {
                    /** @description When the operation was deprecated (RFC 9745): `@` and a Unix time */
                    Deprecation?: string;
                    /** @description After this HTTP date the operation may be removed (RFC 8594) */
                    Sunset?: string;
                    /** @description The successor's documentation, `rel="successor-version"` */
                    Link?: string;
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    /** @description When the operation was deprecated (RFC 9745): `@` and a Unix time */
                    Deprecation?: string;
                    /** @description After this HTTP date the operation may be removed (RFC 8594) */
                    Sunset?: string;
                    /** @description The successor's documentation, `rel="successor-version"` */
                    Link?: string;
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    /** @description When the operation was deprecated (RFC 9745): `@` and a Unix time */
                    Deprecation?: string;
                    /** @description After this HTTP date the operation may be removed (RFC 8594) */
                    Sunset?: string;
                    /** @description The successor's documentation, `rel="successor-version"` */
                    Link?: string;
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    hostsList: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                /** @description Those whose name contains this text, in any case */
                q?: string;
                /** @description Those created at or after this time (ISO 8601: a date-time with its zone, or a date, which is midnight UTC) */
                created_after?: string;
                /** @description Those created before this time (ISO 8601: a date-time with its zone, or a date, which is midnight UTC) */
                created_before?: string;
                /** @description Order by these fields, separated by commas, each ascending or with a leading `-` descending: `name`, `created_at`, `id`. Default `name` */
                sort?: ("name" | "-name" | "created_at" | "-created_at" | "id" | "-id")[];
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["HostDto"][];
                        message: string;
                        meta: components["schemas"]["PageMetaDto"];
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description A filter or sort field the list does not know, or a value it refuses; details name the field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    hostsCreate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HostInputDto"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["HostDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below admin */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    hostsAuthorizedKey: {
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["AuthorizedKeyDto"];
                        message: string;
                    };
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below admin */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    hostsGet: {
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["HostDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    hostsUpdate: {
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
                "application/json": components["schemas"]["HostUpdateDto"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["HostDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below admin */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    hostsRemove: {
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
            /** @description Done; no content */
            204: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below admin */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    hostsTest: {
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["HostTestDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below operator */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    hostsInstallKey: {
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
                "application/json": components["schemas"]["InstallKeyDto"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["HostTestDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below admin */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    hostsDirectory: {
        parameters: {
            query?: {
                /** @description An absolute path on the host; left out: the user's home */
                path?: string;
            };
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["DirectoryListingDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    schedulePreviewPreview: {
        parameters: {
            query: {
                /** @description minute hour day-of-month month day-of-week */
                cron_expression: string;
                /** @description IANA time zone; default the server's */
                timezone?: string;
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["SchedulePreviewDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    schedulesList: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                /** @description Those whose name contains this text, in any case */
                q?: string;
                /** @description Those created at or after this time (ISO 8601: a date-time with its zone, or a date, which is midnight UTC) */
                created_after?: string;
                /** @description Those created before this time (ISO 8601: a date-time with its zone, or a date, which is midnight UTC) */
                created_before?: string;
                /** @description Order by these fields, separated by commas, each ascending or with a leading `-` descending: `name`, `created_at`, `id`. Default `name` */
                sort?: ("name" | "-name" | "created_at" | "-created_at" | "id" | "-id")[];
                /** @description These repositories' schedules; one id or several separated by commas */
                repository_id?: number[];
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["ScheduleDto"][];
                        message: string;
                        meta: components["schemas"]["PageMetaDto"];
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description A filter or sort field the list does not know, or a value it refuses; details name the field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    schedulesCreate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScheduleInputDto"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["ScheduleDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below operator */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    schedulesBulk: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScheduleBulkDto"];
            };
        };
        responses: {
            /** @description Every item succeeded */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["BulkResultDto"];
                        message: string;
                    };
                };
            };
            /** @description Some items (or all) failed: `results` says which and why; the others were done */
            207: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["BulkResultDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below operator */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    schedulesGet: {
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["ScheduleDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    schedulesUpdate: {
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
                "application/json": components["schemas"]["ScheduleUpdateDto"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["ScheduleDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below operator */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    schedulesRemove: {
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
            /** @description Done; no content */
            204: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below operator */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    schedulesToggle: {
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["ScheduleDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below operator */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    schedulesRun: {
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
            201: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["JobDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below operator */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    schedulesRuns: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["JobDto"][];
                        message: string;
                        meta: components["schemas"]["PageMetaDto"];
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    pruningPoliciesPreview: {
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
                "application/json": components["schemas"]["PrunePreviewRequestDto"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["PrunePreviewDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below operator */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    pruningPoliciesList: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                /** @description Those whose name contains this text, in any case */
                q?: string;
                /** @description Those created at or after this time (ISO 8601: a date-time with its zone, or a date, which is midnight UTC) */
                created_after?: string;
                /** @description Those created before this time (ISO 8601: a date-time with its zone, or a date, which is midnight UTC) */
                created_before?: string;
                /** @description Order by these fields, separated by commas, each ascending or with a leading `-` descending: `name`, `created_at`, `id`. Default `name` */
                sort?: ("name" | "-name" | "created_at" | "-created_at" | "id" | "-id")[];
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["PruningPolicyDto"][];
                        message: string;
                        meta: components["schemas"]["PageMetaDto"];
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description A filter or sort field the list does not know, or a value it refuses; details name the field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    pruningPoliciesCreate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PruningPolicyInputDto"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["PruningPolicyDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below admin */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    pruningPoliciesGet: {
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["PruningPolicyDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    pruningPoliciesUpdate: {
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
                "application/json": components["schemas"]["PruningPolicyUpdateDto"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["PruningPolicyDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below admin */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    pruningPoliciesRemove: {
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
            /** @description Done; no content */
            204: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below admin */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    repositoryPrunePrune: {
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
                "application/json": components["schemas"]["PruneRequestDto"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["JobDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below operator */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    repositoryCompactStart: {
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
            201: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["JobDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below operator */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    checkPoliciesList: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                /** @description Those whose name contains this text, in any case */
                q?: string;
                /** @description Those created at or after this time (ISO 8601: a date-time with its zone, or a date, which is midnight UTC) */
                created_after?: string;
                /** @description Those created before this time (ISO 8601: a date-time with its zone, or a date, which is midnight UTC) */
                created_before?: string;
                /** @description Order by these fields, separated by commas, each ascending or with a leading `-` descending: `name`, `created_at`, `id`. Default `name` */
                sort?: ("name" | "-name" | "created_at" | "-created_at" | "id" | "-id")[];
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["CheckPolicyDto"][];
                        message: string;
                        meta: components["schemas"]["PageMetaDto"];
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description A filter or sort field the list does not know, or a value it refuses; details name the field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    checkPoliciesCreate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CheckPolicyInputDto"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["CheckPolicyDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below admin */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    checkPoliciesGet: {
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["CheckPolicyDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    checkPoliciesUpdate: {
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
                "application/json": components["schemas"]["CheckPolicyUpdateDto"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["CheckPolicyDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below admin */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    checkPoliciesRemove: {
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
            /** @description Done; no content */
            204: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below admin */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    repositoryCheckCheck: {
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
                "application/json": components["schemas"]["CheckRequestDto"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["JobDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below operator */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    notificationsCatalog: {
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["NotificationCatalogDto"];
                        message: string;
                    };
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    notificationsProviders: {
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["NotificationServiceDto"][];
                        message: string;
                    };
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    notificationsList: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["NotificationChannelDto"][];
                        message: string;
                        meta: components["schemas"]["PageMetaDto"];
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    notificationsCreate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotificationChannelInputDto"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["NotificationChannelDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below admin */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    notificationsGet: {
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["NotificationChannelDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    notificationsUpdate: {
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
                "application/json": components["schemas"]["NotificationChannelUpdateDto"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["NotificationChannelDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below admin */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    notificationsRemove: {
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
            /** @description Done; no content */
            204: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below admin */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    notificationsTest: {
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["ChannelTestResultDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below admin */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    notificationsDeliveries: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                /** @description These channels' deliveries; one id or several separated by commas */
                channel_id?: number[];
                /** @description Deliveries of these events; one value or several separated by commas */
                event?: components["schemas"]["DeliveryEventName"][];
                /** @description Deliveries in these statuses; one value or several separated by commas */
                status?: components["schemas"]["DeliveryStatus"][];
                /** @description Deliveries created at or after this time (ISO 8601: a date-time with its zone, or a date, which is midnight UTC) */
                created_after?: string;
                /** @description Deliveries created before this time (ISO 8601: a date-time with its zone, or a date, which is midnight UTC) */
                created_before?: string;
                /** @description Order by these fields, separated by commas, each ascending or with a leading `-` descending: `created_at`, `id`. Default `-created_at` */
                sort?: ("created_at" | "-created_at" | "id" | "-id")[];
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["NotificationDeliveryDto"][];
                        message: string;
                        meta: components["schemas"]["PageMetaDto"];
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description A filter or sort field the list does not know, or a value it refuses; details name the field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    notificationsResend: {
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
            202: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["NotificationDeliveryDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description The user's role, or the API key's, is below operator */
            403: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    historySeries: {
        parameters: {
            query?: {
                /** @description Only archives started at or after this time */
                since?: string;
                /** @description At most this many archives, the newest */
                limit?: number;
            };
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["RepositoryHistoryDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    historyCalendar: {
        parameters: {
            query?: {
                /** @description How many days, today included */
                days?: number;
                /** @description IANA time zone the days are counted in; default the server's */
                time_zone?: string;
            };
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["BackupCalendarDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    overviewGet: {
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["OverviewDto"];
                        message: string;
                    };
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    metricsScrape: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text format 0.0.4 */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    searchSearch: {
        parameters: {
            query: {
                limit?: number;
                offset?: number;
                /** @description Part of a file or directory name (case-insensitive for ASCII letters) */
                q: string;
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
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success";
                        data: components["schemas"]["FileSearchResultDto"];
                        message: string;
                    };
                };
            };
            /** @description Malformed request (bad JSON, query or path parameters) */
            400: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Authentication required */
            401: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Validation failed; details name each field */
            422: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description Internal error; the message carries an error id found in the log */
            500: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
}
