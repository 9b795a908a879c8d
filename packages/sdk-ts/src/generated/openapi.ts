// GENERATED from the server's OpenAPI document by `npm run sdk:types` (openapi-typescript).
// Do not edit: change the route schemas in src/ and regenerate; CI fails when this file is stale.

export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and database reachability */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/version": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The running version and the kind of database it runs on */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Answered without touching the database (use /health for its reachability) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The package name: "chatlogger" */
                            name: string;
                            /** @description The running version (semantic versioning), e.g. "0.1.0" */
                            version: string;
                            /** @description "pglite" for the embedded database, "postgres" with DATABASE_URL */
                            database: "pglite" | "postgres";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register: a new organization with you as its admin, or join one with an invitation
         * @description With organization_name (and optionally organization_slug): creates an organization and its first user, an admin, and answers 202 with one sentence; then sign in with the e-mail and password. The answer is the same when the e-mail address already has an account (in any organization): then nothing is created, that account is unchanged, and only its own password signs in. Refused (403) when ALLOW_REGISTRATION=false. At most RATE_LIMIT_REGISTER attempts per client IP (default 10 an hour), else 429. With invite_token (from POST /api/v1/orgs/me/invitations): joins the inviting organization with the invited role; the e-mail must be the invited one, the token works once and for 7 days, and this works even when ALLOW_REGISTRATION=false (invitations are how closed installations add people). An unknown, expired or used token is 400 "invite_token is invalid or expired".
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description Either organization_name (and optionally organization_slug) to create an organization, or invite_token to join one. */
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: email
                         * @description Unique across the installation, case-insensitively
                         */
                        email: string;
                        /** @description 10 to 1024 characters, not easy to guess (common passwords, keyboard patterns, repeats and your own name or e-mail are refused: 400 weak_password) */
                        password: string;
                        first_name?: string | null;
                        last_name?: string | null;
                        /** @description Required without invite_token; not allowed with it */
                        organization_name?: string;
                        /**
                         * Format: slug
                         * @description Derived from organization_name when omitted; not allowed with invite_token
                         */
                        organization_slug?: string;
                        /** @description From POST /api/v1/orgs/me/invitations: join that organization with the invited role instead of creating one */
                        invite_token?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            user_id: number;
                            organization: {
                                id: number;
                                name: string;
                                slug: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The same sentence whether or not the e-mail address already had an account */
                            message: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in; returns a JWT and sets it as the HttpOnly cookie auth_token */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            user: {
                                id: number;
                                organization_id: number;
                                email: string;
                                first_name: string | null;
                                last_name: string | null;
                                role: "superadmin" | "admin" | "user" | "viewer";
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                                /** Format: date-time */
                                last_login_at: string | null;
                            };
                            /** @description JWT (HS256, 24 h); also set as the HttpOnly cookie auth_token */
                            token: string;
                            /** Format: date-time */
                            expires_at: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: revokes the session server-side and clears the cookie */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/me/apikeys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the organization's API keys (admin), newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            label: string;
                            /** @description The first characters of the key, to tell keys apart */
                            prefix: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            last_used_at: string | null;
                            /** Format: date-time */
                            revoked_at: string | null;
                        }[];
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an API key for the organization (admin); the key is shown only once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description What the key is for, e.g. "HR bot production" */
                        label: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            id: number;
                            /** @description The key itself. Shown only in this response: store it now. */
                            key: string;
                            label: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/me/apikeys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key (admin); it stops working at once */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Numeric id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search the organization's chats (filters combine with AND; keyset pagination) */
        get: {
            parameters: {
                query?: {
                    /** @description created_at ≥ from: ISO 8601 with a zone ("2026-01-31T00:00:00Z") or a date ("2026-01-31", midnight UTC) */
                    from?: string;
                    /** @description created_at < to (same forms as from) */
                    to?: string;
                    /** @description Comma-separated tags (compared in their stored, lowercase form) */
                    tags?: string;
                    /** @description all (default): chats with every tag; any: with at least one */
                    tags_mode?: "all" | "any";
                    /** @description Exact bot version; a comma-separated list matches any of the values */
                    bot_version?: string;
                    /** @description ISO 3166-1 alpha-2 country code; a comma-separated list matches any of the values */
                    country_code?: string;
                    /** @description ISO 639 language code; a comma-separated list matches any of the values */
                    language_code?: string;
                    /** @description Exact question category; a comma-separated list matches any of the values */
                    question_category?: string;
                    /** @description Sentiment (case-insensitive); a comma-separated list matches any of the values */
                    sentiment?: string;
                    is_escalated?: boolean;
                    is_forwarded_to_hr?: boolean;
                    session_id?: string;
                    /** @description The end user's id in the bot's system; in works-council mode the pseudonym shown instead (such as p_1f0c9a2b7d3e4f56) */
                    user_id?: number | string;
                    rating_min?: number;
                    rating_max?: number;
                    /** @description true: only rated chats; false: only unrated */
                    has_rating?: boolean;
                    /** @description Text in the title or in any message (substring, case-insensitive, any language) */
                    q?: string;
                    /** @description -created_at (default): newest first; created_at: oldest first */
                    sort?: "-created_at" | "created_at";
                    /** @description Page size, 1–100 */
                    limit?: number;
                    /** @description next_cursor of the previous page (same filters and sort) */
                    cursor?: string;
                    /** @description Also count every chat matching the filters */
                    include_total?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            chats: {
                                id: number;
                                organization_id: number;
                                /** @description The end user's id as the bot sent it (an integer; null: anonymous); in works-council mode a pseudonym string instead, such as p_1f0c9a2b7d3e4f56 (stable, different in each organization) */
                                user_id: number | string | null;
                                title: string | null;
                                /** @description Present when works-council mode hides the title (null): why */
                                title_hidden_reason?: string;
                                tags: string[];
                                metadata: {
                                    avg_response_time: number | null;
                                    bot_version: string | null;
                                    country_code: string | null;
                                    ip_address: string | null;
                                    is_escalated: boolean | null;
                                    is_forwarded_to_hr: boolean | null;
                                    language_code: string | null;
                                    question_category: string | null;
                                    sentiment: string | null;
                                    session_id: string | null;
                                    token_count: number | null;
                                    transcript_link: string | null;
                                    user_rating: number | null;
                                };
                                /**
                                 * Format: date-time
                                 * @description When the organization's retention policy removed the title and the messages' text (null: kept)
                                 */
                                content_purged_at: string | null;
                                /**
                                 * Format: date-time
                                 * @description When the retention policy removed the IP, session_id and transcript_link (null: kept)
                                 */
                                metadata_purged_at: string | null;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                            /** @description Pass as cursor for the next page; null on the last page */
                            next_cursor: string | null;
                            /** @description With include_total=true: chats matching the filters */
                            total?: number;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a chat
         * @description Creates a chat session for the caller's organization, with a dashboard JWT (admin or user) or an organization API key. Every field is optional; what is sent is validated, and a 400 names the field.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Optional, 1–255 printable ASCII characters, scoped to the organization. Within 24 hours the same key with the same body replays the first answer (header Idempotent-Replayed: true) and writes nothing; with another body it is 422; while the first request is still being written, 409. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title?: string | null;
                        /** @description Up to 50 tags of 1–64 characters; stored trimmed, lowercased and de-duplicated */
                        tags?: string[] | null;
                        /** @description The end user's id in the bot's own system; null for anonymous chats */
                        user_id?: number | null;
                        /** @description The structured chat metadata: only these 13 fields */
                        metadata?: {
                            /** @description Average response time, in seconds (at most 1,000,000,000) */
                            avg_response_time?: number | null;
                            /** @description The version of the bot that held the chat, e.g. "2.3.1": breakdowns compare releases */
                            bot_version?: string | null;
                            /**
                             * Format: iso3166-alpha2
                             * @description ISO 3166-1 alpha-2, e.g. "NL"; case-insensitive, stored uppercase
                             */
                            country_code?: string | null;
                            /**
                             * Format: ip
                             * @description IPv4 or IPv6 address of the end user
                             */
                            ip_address?: string | null;
                            /** @description Whether the bot escalated the conversation */
                            is_escalated?: boolean | null;
                            /** @description Whether the conversation was handed over to HR */
                            is_forwarded_to_hr?: boolean | null;
                            /**
                             * Format: iso639
                             * @description ISO 639-1 (e.g. "tr") or ISO 639-2/3; stored lowercase
                             */
                            language_code?: string | null;
                            question_category?: string | null;
                            /** @description Stored lowercase */
                            sentiment?: string | null;
                            session_id?: string | null;
                            /** @description Total tokens for the chat session */
                            token_count?: number | null;
                            /**
                             * Format: http-url
                             * @description Absolute http(s) URL
                             */
                            transcript_link?: string | null;
                            /** @description The end user's rating, 1–5 */
                            user_rating?: number | null;
                        } | null;
                        /**
                         * Format: date-time
                         * @description When the chat happened, to import history: ISO 8601 with a zone, at most 5 minutes in the future. Default (or null): now
                         */
                        created_at?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @example Chat created successfully */
                            message: string;
                            chat_id: number;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{slug}/chats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a chat (public API, by organization slug)
         * @description Creates a chat session for the caller's organization, with a dashboard JWT (admin or user) or an organization API key. Every field is optional; what is sent is validated, and a 400 names the field. The slug must be the caller's own organization: any other slug, existing or not, is 403.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Optional, 1–255 printable ASCII characters, scoped to the organization. Within 24 hours the same key with the same body replays the first answer (header Idempotent-Replayed: true) and writes nothing; with another body it is 422; while the first request is still being written, 409. */
                    "idempotency-key"?: string;
                };
                path: {
                    slug: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title?: string | null;
                        /** @description Up to 50 tags of 1–64 characters; stored trimmed, lowercased and de-duplicated */
                        tags?: string[] | null;
                        /** @description The end user's id in the bot's own system; null for anonymous chats */
                        user_id?: number | null;
                        /** @description The structured chat metadata: only these 13 fields */
                        metadata?: {
                            /** @description Average response time, in seconds (at most 1,000,000,000) */
                            avg_response_time?: number | null;
                            /** @description The version of the bot that held the chat, e.g. "2.3.1": breakdowns compare releases */
                            bot_version?: string | null;
                            /**
                             * Format: iso3166-alpha2
                             * @description ISO 3166-1 alpha-2, e.g. "NL"; case-insensitive, stored uppercase
                             */
                            country_code?: string | null;
                            /**
                             * Format: ip
                             * @description IPv4 or IPv6 address of the end user
                             */
                            ip_address?: string | null;
                            /** @description Whether the bot escalated the conversation */
                            is_escalated?: boolean | null;
                            /** @description Whether the conversation was handed over to HR */
                            is_forwarded_to_hr?: boolean | null;
                            /**
                             * Format: iso639
                             * @description ISO 639-1 (e.g. "tr") or ISO 639-2/3; stored lowercase
                             */
                            language_code?: string | null;
                            question_category?: string | null;
                            /** @description Stored lowercase */
                            sentiment?: string | null;
                            session_id?: string | null;
                            /** @description Total tokens for the chat session */
                            token_count?: number | null;
                            /**
                             * Format: http-url
                             * @description Absolute http(s) URL
                             */
                            transcript_link?: string | null;
                            /** @description The end user's rating, 1–5 */
                            user_rating?: number | null;
                        } | null;
                        /**
                         * Format: date-time
                         * @description When the chat happened, to import history: ISO 8601 with a zone, at most 5 minutes in the future. Default (or null): now
                         */
                        created_at?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @example Chat created successfully */
                            message: string;
                            chat_id: number;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chats/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create many chats
         * @description Creates up to 1000 chats (body up to 5 MiB) for the caller's organization, with the same authentication as Create Chat. Each item is validated exactly like a Create Chat body; the valid ones are stored in one transaction and the invalid ones are not. 207 with one result per item, in order: {index, status: 201, chat_id}, or {index, status: 400, error, code, field} with the same error a single POST of that item would get.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Optional, 1–255 printable ASCII characters, scoped to the organization. Within 24 hours the same key with the same body replays the first answer (header Idempotent-Replayed: true) and writes nothing; with another body it is 422; while the first request is still being written, 409. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Up to 1000 Create Chat bodies */
                        chats: unknown[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                207: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            results: {
                                /** @description Position of the item in `chats` */
                                index: number;
                                /** @description 201 stored; 400 invalid (nothing stored); 500 refused by the database */
                                status: number;
                                chat_id?: number;
                                /** @description Why the item was not stored: the same sentence as a single POST would answer */
                                error?: string;
                                code?: string;
                                field?: string;
                            }[];
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{slug}/chats/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create many chats (public API, by organization slug)
         * @description Creates up to 1000 chats (body up to 5 MiB) for the caller's organization, with the same authentication as Create Chat. Each item is validated exactly like a Create Chat body; the valid ones are stored in one transaction and the invalid ones are not. 207 with one result per item, in order: {index, status: 201, chat_id}, or {index, status: 400, error, code, field} with the same error a single POST of that item would get. Any slug other than the caller's organization is 403.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Optional, 1–255 printable ASCII characters, scoped to the organization. Within 24 hours the same key with the same body replays the first answer (header Idempotent-Replayed: true) and writes nothing; with another body it is 422; while the first request is still being written, 409. */
                    "idempotency-key"?: string;
                };
                path: {
                    slug: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Up to 1000 Create Chat bodies */
                        chats: unknown[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                207: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            results: {
                                /** @description Position of the item in `chats` */
                                index: number;
                                /** @description 201 stored; 400 invalid (nothing stored); 500 refused by the database */
                                status: number;
                                chat_id?: number;
                                /** @description Why the item was not stored: the same sentence as a single POST would answer */
                                error?: string;
                                code?: string;
                                field?: string;
                            }[];
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chats/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one chat (with ?include_messages=true, its transcript too) */
        get: {
            parameters: {
                query?: {
                    /** @description Add the transcript (up to 1,000 messages; page the rest with GET /api/v1/chats/{id}/messages) */
                    include_messages?: boolean;
                };
                header?: never;
                path: {
                    /** @description Numeric id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            organization_id: number;
                            /** @description The end user's id as the bot sent it (an integer; null: anonymous); in works-council mode a pseudonym string instead, such as p_1f0c9a2b7d3e4f56 (stable, different in each organization) */
                            user_id: number | string | null;
                            title: string | null;
                            /** @description Present when works-council mode hides the title (null): why */
                            title_hidden_reason?: string;
                            tags: string[];
                            metadata: {
                                avg_response_time: number | null;
                                bot_version: string | null;
                                country_code: string | null;
                                ip_address: string | null;
                                is_escalated: boolean | null;
                                is_forwarded_to_hr: boolean | null;
                                language_code: string | null;
                                question_category: string | null;
                                sentiment: string | null;
                                session_id: string | null;
                                token_count: number | null;
                                transcript_link: string | null;
                                user_rating: number | null;
                            };
                            /**
                             * Format: date-time
                             * @description When the organization's retention policy removed the title and the messages' text (null: kept)
                             */
                            content_purged_at: string | null;
                            /**
                             * Format: date-time
                             * @description When the retention policy removed the IP, session_id and transcript_link (null: kept)
                             */
                            metadata_purged_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            messages?: {
                                id: number;
                                chat_id: number;
                                /** @enum {string} */
                                role: "user" | "assistant" | "system";
                                content: string;
                                metadata: {
                                    token_count: number | null;
                                    response_time: number | null;
                                };
                                /** Format: date-time */
                                created_at: string;
                            }[];
                            /** @description Cursor for GET /api/v1/chats/{id}/messages when the transcript goes on */
                            messages_next_cursor?: string | null;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a chat and its messages (admin) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Numeric id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Update a chat
         * @description Title; tags (replace) or add_tags / remove_tags; metadata merged field by field (null clears a field). Same validation as Create Chat. Answers the updated chat.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Numeric id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title?: string | null;
                        /** @description Replaces every tag (null or [] removes them all) */
                        tags?: string[] | null;
                        /** @description Tags to add (kept in order, no duplicates) */
                        add_tags?: string[];
                        /** @description Tags to remove */
                        remove_tags?: string[];
                        user_id?: number | null;
                        /** @description Merged field by field: fields not sent keep their value, null clears a field; metadata: null clears them all */
                        metadata?: {
                            /** @description Average response time, in seconds (at most 1,000,000,000) */
                            avg_response_time?: number | null;
                            /** @description The version of the bot that held the chat, e.g. "2.3.1": breakdowns compare releases */
                            bot_version?: string | null;
                            /**
                             * Format: iso3166-alpha2
                             * @description ISO 3166-1 alpha-2, e.g. "NL"; case-insensitive, stored uppercase
                             */
                            country_code?: string | null;
                            /**
                             * Format: ip
                             * @description IPv4 or IPv6 address of the end user
                             */
                            ip_address?: string | null;
                            /** @description Whether the bot escalated the conversation */
                            is_escalated?: boolean | null;
                            /** @description Whether the conversation was handed over to HR */
                            is_forwarded_to_hr?: boolean | null;
                            /**
                             * Format: iso639
                             * @description ISO 639-1 (e.g. "tr") or ISO 639-2/3; stored lowercase
                             */
                            language_code?: string | null;
                            question_category?: string | null;
                            /** @description Stored lowercase */
                            sentiment?: string | null;
                            session_id?: string | null;
                            /** @description Total tokens for the chat session */
                            token_count?: number | null;
                            /**
                             * Format: http-url
                             * @description Absolute http(s) URL
                             */
                            transcript_link?: string | null;
                            /** @description The end user's rating, 1–5 */
                            user_rating?: number | null;
                        } | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            organization_id: number;
                            /** @description The end user's id as the bot sent it (an integer; null: anonymous); in works-council mode a pseudonym string instead, such as p_1f0c9a2b7d3e4f56 (stable, different in each organization) */
                            user_id: number | string | null;
                            title: string | null;
                            /** @description Present when works-council mode hides the title (null): why */
                            title_hidden_reason?: string;
                            tags: string[];
                            metadata: {
                                avg_response_time: number | null;
                                bot_version: string | null;
                                country_code: string | null;
                                ip_address: string | null;
                                is_escalated: boolean | null;
                                is_forwarded_to_hr: boolean | null;
                                language_code: string | null;
                                question_category: string | null;
                                sentiment: string | null;
                                session_id: string | null;
                                token_count: number | null;
                                transcript_link: string | null;
                                user_rating: number | null;
                            };
                            /**
                             * Format: date-time
                             * @description When the organization's retention policy removed the title and the messages' text (null: kept)
                             */
                            content_purged_at: string | null;
                            /**
                             * Format: date-time
                             * @description When the retention policy removed the IP, session_id and transcript_link (null: kept)
                             */
                            metadata_purged_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/orgs/{slug}/chats/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update a chat (public API, by organization slug)
         * @description Title; tags (replace) or add_tags / remove_tags; metadata merged field by field (null clears a field). Same validation as Create Chat. Answers the updated chat. Any slug other than the caller's organization is 403.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    slug: string;
                    /** @description Numeric id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title?: string | null;
                        /** @description Replaces every tag (null or [] removes them all) */
                        tags?: string[] | null;
                        /** @description Tags to add (kept in order, no duplicates) */
                        add_tags?: string[];
                        /** @description Tags to remove */
                        remove_tags?: string[];
                        user_id?: number | null;
                        /** @description Merged field by field: fields not sent keep their value, null clears a field; metadata: null clears them all */
                        metadata?: {
                            /** @description Average response time, in seconds (at most 1,000,000,000) */
                            avg_response_time?: number | null;
                            /** @description The version of the bot that held the chat, e.g. "2.3.1": breakdowns compare releases */
                            bot_version?: string | null;
                            /**
                             * Format: iso3166-alpha2
                             * @description ISO 3166-1 alpha-2, e.g. "NL"; case-insensitive, stored uppercase
                             */
                            country_code?: string | null;
                            /**
                             * Format: ip
                             * @description IPv4 or IPv6 address of the end user
                             */
                            ip_address?: string | null;
                            /** @description Whether the bot escalated the conversation */
                            is_escalated?: boolean | null;
                            /** @description Whether the conversation was handed over to HR */
                            is_forwarded_to_hr?: boolean | null;
                            /**
                             * Format: iso639
                             * @description ISO 639-1 (e.g. "tr") or ISO 639-2/3; stored lowercase
                             */
                            language_code?: string | null;
                            question_category?: string | null;
                            /** @description Stored lowercase */
                            sentiment?: string | null;
                            session_id?: string | null;
                            /** @description Total tokens for the chat session */
                            token_count?: number | null;
                            /**
                             * Format: http-url
                             * @description Absolute http(s) URL
                             */
                            transcript_link?: string | null;
                            /** @description The end user's rating, 1–5 */
                            user_rating?: number | null;
                        } | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            organization_id: number;
                            /** @description The end user's id as the bot sent it (an integer; null: anonymous); in works-council mode a pseudonym string instead, such as p_1f0c9a2b7d3e4f56 (stable, different in each organization) */
                            user_id: number | string | null;
                            title: string | null;
                            /** @description Present when works-council mode hides the title (null): why */
                            title_hidden_reason?: string;
                            tags: string[];
                            metadata: {
                                avg_response_time: number | null;
                                bot_version: string | null;
                                country_code: string | null;
                                ip_address: string | null;
                                is_escalated: boolean | null;
                                is_forwarded_to_hr: boolean | null;
                                language_code: string | null;
                                question_category: string | null;
                                sentiment: string | null;
                                session_id: string | null;
                                token_count: number | null;
                                transcript_link: string | null;
                                user_rating: number | null;
                            };
                            /**
                             * Format: date-time
                             * @description When the organization's retention policy removed the title and the messages' text (null: kept)
                             */
                            content_purged_at: string | null;
                            /**
                             * Format: date-time
                             * @description When the retention policy removed the IP, session_id and transcript_link (null: kept)
                             */
                            metadata_purged_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization's tags with the number of chats carrying each, most used first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tag: string;
                            chat_count: number;
                        }[];
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chats/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A chat's transcript, oldest first (keyset pagination)
         * @description In works-council mode only the admin holding an approved, unexpired access request for this chat may read it (403 transcript_access_required otherwise); each page read under a grant is audited.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Page size, 1–1000 */
                    limit?: number;
                    /** @description next_cursor of the previous page */
                    cursor?: string;
                };
                header?: never;
                path: {
                    /** @description Numeric id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            messages: {
                                id: number;
                                chat_id: number;
                                /** @enum {string} */
                                role: "user" | "assistant" | "system";
                                content: string;
                                metadata: {
                                    token_count: number | null;
                                    response_time: number | null;
                                };
                                /** Format: date-time */
                                created_at: string;
                            }[];
                            /** @description Pass as cursor for the next page; null on the last page */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Add a message to a chat
         * @description Adds a message to the transcript of a chat of the caller's organization. role: user, assistant or system; content: 1–100,000 characters; metadata.token_count ≥ 0; metadata.response_time ≥ 0 (milliseconds). An unknown chat, or another organization's, is 404.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Optional, 1–255 printable ASCII characters, scoped to the organization. Within 24 hours the same key with the same body replays the first answer (header Idempotent-Replayed: true) and writes nothing; with another body it is 422; while the first request is still being written, 409. */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description Numeric id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        role: "user" | "assistant" | "system";
                        /** @description The message text, 1–100,000 characters */
                        content: string;
                        metadata?: {
                            /** @description Tokens of this message */
                            token_count?: number | null;
                            /** @description Time taken to answer, in milliseconds (at most 10^12) */
                            response_time?: number | null;
                        } | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            message_id: number;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{slug}/chats/{chatID}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a message to a chat (public API, by organization slug)
         * @description Adds a message to the transcript of a chat of the caller's organization. role: user, assistant or system; content: 1–100,000 characters; metadata.token_count ≥ 0; metadata.response_time ≥ 0 (milliseconds). An unknown chat, or another organization's, is 404. Any slug other than the caller's organization is 403.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Optional, 1–255 printable ASCII characters, scoped to the organization. Within 24 hours the same key with the same body replays the first answer (header Idempotent-Replayed: true) and writes nothing; with another body it is 422; while the first request is still being written, 409. */
                    "idempotency-key"?: string;
                };
                path: {
                    slug: string;
                    /** @description Numeric id */
                    chatID: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        role: "user" | "assistant" | "system";
                        /** @description The message text, 1–100,000 characters */
                        content: string;
                        metadata?: {
                            /** @description Tokens of this message */
                            token_count?: number | null;
                            /** @description Time taken to answer, in milliseconds (at most 10^12) */
                            response_time?: number | null;
                        } | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            message_id: number;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/transcript-access-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Access requests of the organization, newest first (admin); filter by status or chat */
        get: {
            parameters: {
                query?: {
                    status?: "pending" | "approved" | "denied" | "expired" | "withdrawn";
                    /** @description Only the requests for this chat */
                    chat_id?: number;
                    /** @description Page size, 1–100 */
                    limit?: number;
                    /** @description next_cursor of the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            requests: {
                                id: number;
                                chat_id: number;
                                requested_by: number;
                                reason: string;
                                duration_minutes: number;
                                /** @enum {string} */
                                status: "pending" | "approved" | "denied" | "expired" | "withdrawn";
                                decided_by: number | null;
                                /** Format: date-time */
                                decided_at: string | null;
                                /**
                                 * Format: date-time
                                 * @description Until when the requester may read (set on approval)
                                 */
                                expires_at: string | null;
                                /**
                                 * Format: date-time
                                 * @description While pending: until when it can be approved or denied (created_at + 72 hours); null once decided or withdrawn
                                 */
                                pending_until: string | null;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                            /** @description Pass as cursor for the next page; null on the last page */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Ask to read one chat's transcript (works-council mode; admin); another admin must approve
         * @description reason: 1–1,000 characters; duration_minutes: 1–1440 (default 60), counted from the approval. 409 works_council_off when the mode is off (nothing to ask); 409 no_second_admin when no other admin could approve. Audited.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The chat whose transcript is to be read */
                        chat_id: number;
                        /** @description Why the transcript must be read (1–1000 characters); shown to the approver and kept in the audit log */
                        reason: string;
                        /**
                         * @description How long the approved access lasts, counted from the approval: 1–1440 minutes (default 60)
                         * @default 60
                         */
                        duration_minutes?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            chat_id: number;
                            requested_by: number;
                            reason: string;
                            duration_minutes: number;
                            /** @enum {string} */
                            status: "pending" | "approved" | "denied" | "expired" | "withdrawn";
                            decided_by: number | null;
                            /** Format: date-time */
                            decided_at: string | null;
                            /**
                             * Format: date-time
                             * @description Until when the requester may read (set on approval)
                             */
                            expires_at: string | null;
                            /**
                             * Format: date-time
                             * @description While pending: until when it can be approved or denied (created_at + 72 hours); null once decided or withdrawn
                             */
                            pending_until: string | null;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/transcript-access-requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One access request (admin) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Numeric id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            chat_id: number;
                            requested_by: number;
                            reason: string;
                            duration_minutes: number;
                            /** @enum {string} */
                            status: "pending" | "approved" | "denied" | "expired" | "withdrawn";
                            decided_by: number | null;
                            /** Format: date-time */
                            decided_at: string | null;
                            /**
                             * Format: date-time
                             * @description Until when the requester may read (set on approval)
                             */
                            expires_at: string | null;
                            /**
                             * Format: date-time
                             * @description While pending: until when it can be approved or denied (created_at + 72 hours); null once decided or withdrawn
                             */
                            pending_until: string | null;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/transcript-access-requests/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve a pending access request (admin other than the requester); the access runs from now for its duration
         * @description The requester deciding their own request is 403 (and audited: transcript_access.self_approval_refused / self_denial_refused); a request not decided within 72 hours of being made is 409 request_expired; one already decided or withdrawn is 409 conflict. Audited.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Numeric id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            chat_id: number;
                            requested_by: number;
                            reason: string;
                            duration_minutes: number;
                            /** @enum {string} */
                            status: "pending" | "approved" | "denied" | "expired" | "withdrawn";
                            decided_by: number | null;
                            /** Format: date-time */
                            decided_at: string | null;
                            /**
                             * Format: date-time
                             * @description Until when the requester may read (set on approval)
                             */
                            expires_at: string | null;
                            /**
                             * Format: date-time
                             * @description While pending: until when it can be approved or denied (created_at + 72 hours); null once decided or withdrawn
                             */
                            pending_until: string | null;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/transcript-access-requests/{id}/deny": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deny a pending access request (admin other than the requester)
         * @description The requester deciding their own request is 403 (and audited: transcript_access.self_approval_refused / self_denial_refused); a request not decided within 72 hours of being made is 409 request_expired; one already decided or withdrawn is 409 conflict. Audited.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Numeric id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            chat_id: number;
                            requested_by: number;
                            reason: string;
                            duration_minutes: number;
                            /** @enum {string} */
                            status: "pending" | "approved" | "denied" | "expired" | "withdrawn";
                            decided_by: number | null;
                            /** Format: date-time */
                            decided_at: string | null;
                            /**
                             * Format: date-time
                             * @description Until when the requester may read (set on approval)
                             */
                            expires_at: string | null;
                            /**
                             * Format: date-time
                             * @description While pending: until when it can be approved or denied (created_at + 72 hours); null once decided or withdrawn
                             */
                            pending_until: string | null;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/transcript-access-requests/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw your own pending access request (the requester only); it is then withdrawn and can no longer be approved
         * @description Another admin is 403 (they deny instead); a request not pending (decided, withdrawn, or lapsed after 72 hours) is 409. Audited (transcript_access.withdrawn).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Numeric id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            chat_id: number;
                            requested_by: number;
                            reason: string;
                            duration_minutes: number;
                            /** @enum {string} */
                            status: "pending" | "approved" | "denied" | "expired" | "withdrawn";
                            decided_by: number | null;
                            /** Format: date-time */
                            decided_at: string | null;
                            /**
                             * Format: date-time
                             * @description Until when the requester may read (set on approval)
                             */
                            expires_at: string | null;
                            /**
                             * Format: date-time
                             * @description While pending: until when it can be approved or denied (created_at + 72 hours); null once decided or withdrawn
                             */
                            pending_until: string | null;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get the signed-in user */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            organization_id: number;
                            email: string;
                            first_name: string | null;
                            last_name: string | null;
                            role: "superadmin" | "admin" | "user" | "viewer";
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** Format: date-time */
                            last_login_at: string | null;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update the signed-in user's name
         * @description Only the fields sent change; null clears a field. An empty body {} is a 400.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description Only the fields sent change. Send at least one. */
            requestBody: {
                content: {
                    "application/json": {
                        /** @description At most 100 characters; null clears it */
                        first_name?: string | null;
                        /** @description At most 100 characters; null clears it */
                        last_name?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            organization_id: number;
                            email: string;
                            first_name: string | null;
                            last_name: string | null;
                            role: "superadmin" | "admin" | "user" | "viewer";
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** Format: date-time */
                            last_login_at: string | null;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/users/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change the signed-in user's password; signs out every other session
         * @description Every other session of the user is revoked at once; the session making this call keeps working. A wrong current_password is a 401 with code "invalid_current_password" and field "current_password" (the session itself is still valid). At most RATE_LIMIT_PASSWORD_CHANGE wrong current passwords per user (default 5 in 15 minutes), then 429 with Retry-After, even for the right one.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        current_password: string;
                        /** @description 10 to 1024 characters, not easy to guess (else 400 weak_password, with the reason) */
                        new_password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get the signed-in user's organization */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            /** @description Used in /api/v1/orgs/{slug}/... URLs; never changes */
                            slug: string;
                            /** @description Works-council mode (set by an admin in /orgs/me/privacy), readable by every member: end users appear only as pseudonyms, small groups are suppressed */
                            works_council: boolean;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename the organization (admin); the slug does not change */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 1 to 200 characters, stored trimmed; the slug does not change */
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            /** @description Used in /api/v1/orgs/{slug}/... URLs; never changes */
                            slug: string;
                            /** @description Works-council mode (set by an admin in /orgs/me/privacy), readable by every member: end users appear only as pseudonyms, small groups are suppressed */
                            works_council: boolean;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/orgs/me/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the organization's users, by id */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            organization_id: number;
                            email: string;
                            first_name: string | null;
                            last_name: string | null;
                            role: "superadmin" | "admin" | "user" | "viewer";
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** Format: date-time */
                            last_login_at: string | null;
                        }[];
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/me/users/{id}": {
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
         * Remove a user from the organization (admin); their sessions end at once
         * @description Deletes the user and their sessions. The last admin cannot be removed (409); an admin may remove themself when another admin remains. Another organization's user is 404.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Numeric id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a user's role (admin)
         * @description The change applies to the user's next request (roles are read on every request). The last admin of an organization cannot be demoted (409). Another organization's user is 404.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Numeric id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description admin: API keys, members, settings and deletes; user: reads, creates and edits chats; viewer: reads only
                         * @enum {string}
                         */
                        role: "admin" | "user" | "viewer";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            organization_id: number;
                            email: string;
                            first_name: string | null;
                            last_name: string | null;
                            role: "superadmin" | "admin" | "user" | "viewer";
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** Format: date-time */
                            last_login_at: string | null;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/orgs/me/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List pending invitations (admin): neither accepted nor expired */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            email: string;
                            role: string;
                            invited_by: number | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            expires_at: string;
                        }[];
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Invite someone to the organization with a role (admin); the token is shown only once
         * @description Returns a one-time invite_token, valid 7 days, that the invitee passes to POST /auth/register together with the invited e-mail. Inviting the same e-mail again replaces the previous invitation. An e-mail that is already a member of this organization is 409. An e-mail with an account in another organization is invited like any other (so as not to reveal who has an account); registering with that invitation is then 409.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: email
                         * @description Who may accept it; compared case-insensitively
                         */
                        email: string;
                        /**
                         * @description admin: API keys, members, settings and deletes; user: reads, creates and edits chats; viewer: reads only
                         * @enum {string}
                         */
                        role: "admin" | "user" | "viewer";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            id: number;
                            email: string;
                            role: string;
                            /** @description Send it to the invitee, who registers with it at POST /auth/register. Shown only in this response; valid 7 days, once. */
                            invite_token: string;
                            /** Format: date-time */
                            expires_at: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/me/invitations/{id}": {
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
         * Revoke an invitation (admin); its token stops working at once
         * @description An invitation that was already accepted is 409 (remove the user instead); another organization's is 404.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Numeric id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization's exports, newest first (keyset pagination) */
        get: {
            parameters: {
                query?: {
                    /** @description Page size, 1–100 */
                    limit?: number;
                    /** @description next_cursor of the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            exports: {
                                id: number;
                                /**
                                 * @description csv (RFC 4180, UTF-8, header row), json (one array) or ndjson (one object per line)
                                 * @enum {string}
                                 */
                                format: "csv" | "json" | "ndjson";
                                /**
                                 * @description chats, messages (of the matching chats), or all (chats with their messages)
                                 * @enum {string}
                                 */
                                type: "chats" | "messages" | "all";
                                /** @description The filters as they were sent (the names of GET /api/v1/chats) */
                                filters: {
                                    [key: string]: unknown;
                                };
                                /** @enum {string} */
                                status: "pending" | "processing" | "completed" | "failed";
                                /** @description Records in the file (CSV data rows, JSON array items, NDJSON lines) */
                                row_count: number | null;
                                size_bytes: number | null;
                                /** @description Why the export failed (or why its last attempt failed) */
                                error: string | null;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                started_at: string | null;
                                /** Format: date-time */
                                completed_at: string | null;
                                /**
                                 * Format: date-time
                                 * @description When the file is deleted; after it, download is 410
                                 */
                                expires_at: string | null;
                                /** @description Set while the file can be downloaded */
                                download_url: string | null;
                            }[];
                            /** @description Pass as cursor for the next page; null on the last page */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Queue an export of chats and/or messages
         * @description format: csv (RFC 4180, UTF-8, header row, CRLF; tags joined with "|"; one column per metadata field; text cells starting with = + - @ tab or CR are prefixed with a single quote against formula injection), json (one array) or ndjson (one object per line). type: chats; messages (the messages of the matching chats, with chat_id); all (JSON/NDJSON: each chat with a messages array; CSV: one row per message with its chat's columns repeated, and one row with empty message columns for a chat without messages). filters: those of GET /api/v1/chats. Chats come oldest first; the export holds the chats created up to the moment it was requested. Answers 202 with the job's id; poll GET /api/v1/exports/{id} until status is completed, then download. Per organization: at most 3 exports pending or in progress and 30 created per hour (429 with Retry-After beyond), and at most 1024 MiB of files kept (409 export_quota_exceeded beyond; an export that would grow past it fails). Files are kept 7 days.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description csv (RFC 4180, UTF-8, header row), json (one array) or ndjson (one object per line)
                         * @enum {string}
                         */
                        format: "csv" | "json" | "ndjson";
                        /**
                         * @description chats, messages (of the matching chats), or all (chats with their messages)
                         * @enum {string}
                         */
                        type: "chats" | "messages" | "all";
                        /** @description The filters of GET /api/v1/chats */
                        filters?: {
                            /** @description created_at ≥ from: ISO 8601 with a zone ("2026-01-31T00:00:00Z") or a date ("2026-01-31", midnight UTC) */
                            from?: string;
                            /** @description created_at < to (same forms as from) */
                            to?: string;
                            /** @description Comma-separated tags (compared in their stored, lowercase form) */
                            tags?: string | string[];
                            /**
                             * @description all (default): chats with every tag; any: with at least one
                             * @enum {string}
                             */
                            tags_mode?: "all" | "any";
                            /** @description Exact bot version; a comma-separated list matches any of the values */
                            bot_version?: string | string[];
                            /** @description ISO 3166-1 alpha-2 country code; a comma-separated list matches any of the values */
                            country_code?: string | string[];
                            /** @description ISO 639 language code; a comma-separated list matches any of the values */
                            language_code?: string | string[];
                            /** @description Exact question category; a comma-separated list matches any of the values */
                            question_category?: string | string[];
                            /** @description Sentiment (case-insensitive); a comma-separated list matches any of the values */
                            sentiment?: string | string[];
                            is_escalated?: boolean;
                            is_forwarded_to_hr?: boolean;
                            session_id?: string;
                            /** @description The end user's id in the bot's system; in works-council mode the pseudonym shown instead (such as p_1f0c9a2b7d3e4f56) */
                            user_id?: number | string;
                            rating_min?: number;
                            rating_max?: number;
                            /** @description true: only rated chats; false: only unrated */
                            has_rating?: boolean;
                            /** @description Text in the title or in any message (substring, case-insensitive, any language) */
                            q?: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            export_id: number;
                            /** @enum {string} */
                            status: "pending";
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Export now: the file is streamed back in the response
         * @description format: csv (RFC 4180, UTF-8, header row, CRLF; tags joined with "|"; one column per metadata field; text cells starting with = + - @ tab or CR are prefixed with a single quote against formula injection), json (one array) or ndjson (one object per line). type: chats; messages (the messages of the matching chats, with chat_id); all (JSON/NDJSON: each chat with a messages array; CSV: one row per message with its chat's columns repeated, and one row with empty message columns for a chat without messages). filters: those of GET /api/v1/chats. Chats come oldest first; the export holds the chats created up to the moment it was requested. No row limit; the server reads the data in batches as the client reads the answer. At most 2 synchronous exports per organization and 4 in all run at once on one server (429 beyond). A failure after the first bytes cuts the response off (no complete file is ever pretended).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description csv (RFC 4180, UTF-8, header row), json (one array) or ndjson (one object per line)
                         * @enum {string}
                         */
                        format: "csv" | "json" | "ndjson";
                        /**
                         * @description chats, messages (of the matching chats), or all (chats with their messages)
                         * @enum {string}
                         */
                        type: "chats" | "messages" | "all";
                        /** @description The filters of GET /api/v1/chats */
                        filters?: {
                            /** @description created_at ≥ from: ISO 8601 with a zone ("2026-01-31T00:00:00Z") or a date ("2026-01-31", midnight UTC) */
                            from?: string;
                            /** @description created_at < to (same forms as from) */
                            to?: string;
                            /** @description Comma-separated tags (compared in their stored, lowercase form) */
                            tags?: string | string[];
                            /**
                             * @description all (default): chats with every tag; any: with at least one
                             * @enum {string}
                             */
                            tags_mode?: "all" | "any";
                            /** @description Exact bot version; a comma-separated list matches any of the values */
                            bot_version?: string | string[];
                            /** @description ISO 3166-1 alpha-2 country code; a comma-separated list matches any of the values */
                            country_code?: string | string[];
                            /** @description ISO 639 language code; a comma-separated list matches any of the values */
                            language_code?: string | string[];
                            /** @description Exact question category; a comma-separated list matches any of the values */
                            question_category?: string | string[];
                            /** @description Sentiment (case-insensitive); a comma-separated list matches any of the values */
                            sentiment?: string | string[];
                            is_escalated?: boolean;
                            is_forwarded_to_hr?: boolean;
                            session_id?: string;
                            /** @description The end user's id in the bot's system; in works-council mode the pseudonym shown instead (such as p_1f0c9a2b7d3e4f56) */
                            user_id?: number | string;
                            rating_min?: number;
                            rating_max?: number;
                            /** @description true: only rated chats; false: only unrated */
                            has_rating?: boolean;
                            /** @description Text in the title or in any message (substring, case-insensitive, any language) */
                            q?: string;
                        };
                    };
                };
            };
            responses: {
                /** @description The export file, streamed (Content-Disposition: attachment) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                        "application/json": string;
                        "application/x-ndjson": string;
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One export job; download_url is set once the file is ready (until it expires) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Numeric id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /**
                             * @description csv (RFC 4180, UTF-8, header row), json (one array) or ndjson (one object per line)
                             * @enum {string}
                             */
                            format: "csv" | "json" | "ndjson";
                            /**
                             * @description chats, messages (of the matching chats), or all (chats with their messages)
                             * @enum {string}
                             */
                            type: "chats" | "messages" | "all";
                            /** @description The filters as they were sent (the names of GET /api/v1/chats) */
                            filters: {
                                [key: string]: unknown;
                            };
                            /** @enum {string} */
                            status: "pending" | "processing" | "completed" | "failed";
                            /** @description Records in the file (CSV data rows, JSON array items, NDJSON lines) */
                            row_count: number | null;
                            size_bytes: number | null;
                            /** @description Why the export failed (or why its last attempt failed) */
                            error: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            started_at: string | null;
                            /** Format: date-time */
                            completed_at: string | null;
                            /**
                             * Format: date-time
                             * @description When the file is deleted; after it, download is 410
                             */
                            expires_at: string | null;
                            /** @description Set while the file can be downloaded */
                            download_url: string | null;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/{id}/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a completed export's file
         * @description 409 while the export is pending, processing or failed; 410 once it has expired (7 days).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Numeric id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The export file, streamed (Content-Disposition: attachment) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                        "application/json": string;
                        "application/x-ndjson": string;
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Key metrics for a range and for the previous range of equal length
         * @description Metrics: chats, end_users, messages, escalation_rate, hr_forwarding_rate, avg_response_time, p50_response_time, p90_response_time, avg_rating, rated_chats, csat, total_tokens, avg_tokens. Takes from, to (default: the last 30 days), tz and every filter of GET /api/v1/chats. Rates, CSAT and averages are over the chats that sent the field (a chat that never said whether it escalated is not a "no"); rates and CSAT are fractions 0–1. A metric with no data is null.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Start (inclusive): ISO 8601 with a zone, or a date (midnight in tz). Default: 30 days before to */
                    from?: string;
                    /** @description End (exclusive): ISO 8601 with a zone, or a date (midnight in tz). Default: now */
                    to?: string;
                    /** @description Comma-separated tags (compared in their stored, lowercase form) */
                    tags?: string;
                    /** @description all (default): chats with every tag; any: with at least one */
                    tags_mode?: "all" | "any";
                    /** @description Exact bot version; a comma-separated list matches any of the values */
                    bot_version?: string;
                    /** @description ISO 3166-1 alpha-2 country code; a comma-separated list matches any of the values */
                    country_code?: string;
                    /** @description ISO 639 language code; a comma-separated list matches any of the values */
                    language_code?: string;
                    /** @description Exact question category; a comma-separated list matches any of the values */
                    question_category?: string;
                    /** @description Sentiment (case-insensitive); a comma-separated list matches any of the values */
                    sentiment?: string;
                    is_escalated?: boolean;
                    is_forwarded_to_hr?: boolean;
                    session_id?: string;
                    /** @description The end user's id in the bot's system; in works-council mode the pseudonym shown instead (such as p_1f0c9a2b7d3e4f56) */
                    user_id?: number | string;
                    rating_min?: number;
                    rating_max?: number;
                    /** @description true: only rated chats; false: only unrated */
                    has_rating?: boolean;
                    /** @description Text in the title or in any message (substring, case-insensitive, any language) */
                    q?: string;
                    /** @description IANA time zone for day boundaries and buckets (daylight-saving changes included). Default: UTC */
                    tz?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            from: string;
                            to: string;
                            previous_from: string;
                            previous_to: string;
                            /** @description Works-council mode: why these figures are null (fewer_than_k: fewer than k distinct end users; difference: a wider or less filtered figure differs from this one by fewer than k; complement: a split of these chats would leave fewer than k hidden; total_suppressed: the figures of the whole answer are hidden; outside_window: before the window the mode checks). Null: shown (always null when the mode is off) */
                            suppressed: ("fewer_than_k" | "difference" | "complement" | "total_suppressed" | "outside_window") | null;
                            /** @description Works-council mode: why these figures are null (fewer_than_k: fewer than k distinct end users; difference: a wider or less filtered figure differs from this one by fewer than k; complement: a split of these chats would leave fewer than k hidden; total_suppressed: the figures of the whole answer are hidden; outside_window: before the window the mode checks). Null: shown (always null when the mode is off) */
                            previous_suppressed: ("fewer_than_k" | "difference" | "complement" | "total_suppressed" | "outside_window") | null;
                            /** @description Works-council mode: its k; null when the mode is off */
                            works_council: {
                                /** @description The organization's k: figures describe at least k distinct end users */
                                k: number;
                            } | null;
                            metrics: {
                                /** @description Number of chats. change = (value − previous) / previous, null when previous is 0 or null */
                                chats: {
                                    value: number | null;
                                    previous: number | null;
                                    change: number | null;
                                    /** @description True: value and previous are estimates from per-day sketches (end_users: HyperLogLog, standard error 1.15%; percentiles: within 1% of the exact value), used when the range holds many chats (ANALYTICS_EXACT_MAX_CHATS, default 50,000). Sums are always exact */
                                    estimated: boolean;
                                };
                                /** @description Distinct end users (user_id) among the chats; anonymous chats are not counted. change = (value − previous) / previous, null when previous is 0 or null */
                                end_users: {
                                    value: number | null;
                                    previous: number | null;
                                    change: number | null;
                                    /** @description True: value and previous are estimates from per-day sketches (end_users: HyperLogLog, standard error 1.15%; percentiles: within 1% of the exact value), used when the range holds many chats (ANALYTICS_EXACT_MAX_CHATS, default 50,000). Sums are always exact */
                                    estimated: boolean;
                                };
                                /** @description Messages in the transcripts of these chats. change = (value − previous) / previous, null when previous is 0 or null */
                                messages: {
                                    value: number | null;
                                    previous: number | null;
                                    change: number | null;
                                    /** @description True: value and previous are estimates from per-day sketches (end_users: HyperLogLog, standard error 1.15%; percentiles: within 1% of the exact value), used when the range holds many chats (ANALYTICS_EXACT_MAX_CHATS, default 50,000). Sums are always exact */
                                    estimated: boolean;
                                };
                                /** @description Share (0–1) of escalated chats among the chats that sent is_escalated; a chat that never said is not a "no". change = (value − previous) / previous, null when previous is 0 or null */
                                escalation_rate: {
                                    value: number | null;
                                    previous: number | null;
                                    change: number | null;
                                    /** @description True: value and previous are estimates from per-day sketches (end_users: HyperLogLog, standard error 1.15%; percentiles: within 1% of the exact value), used when the range holds many chats (ANALYTICS_EXACT_MAX_CHATS, default 50,000). Sums are always exact */
                                    estimated: boolean;
                                };
                                /** @description Share (0–1) of chats handed over to HR among the chats that sent is_forwarded_to_hr. change = (value − previous) / previous, null when previous is 0 or null */
                                hr_forwarding_rate: {
                                    value: number | null;
                                    previous: number | null;
                                    change: number | null;
                                    /** @description True: value and previous are estimates from per-day sketches (end_users: HyperLogLog, standard error 1.15%; percentiles: within 1% of the exact value), used when the range holds many chats (ANALYTICS_EXACT_MAX_CHATS, default 50,000). Sums are always exact */
                                    estimated: boolean;
                                };
                                /** @description Mean of avg_response_time (seconds) over the chats that sent it. change = (value − previous) / previous, null when previous is 0 or null */
                                avg_response_time: {
                                    value: number | null;
                                    previous: number | null;
                                    change: number | null;
                                    /** @description True: value and previous are estimates from per-day sketches (end_users: HyperLogLog, standard error 1.15%; percentiles: within 1% of the exact value), used when the range holds many chats (ANALYTICS_EXACT_MAX_CHATS, default 50,000). Sums are always exact */
                                    estimated: boolean;
                                };
                                /** @description Median of avg_response_time (seconds), interpolated (percentile_cont). change = (value − previous) / previous, null when previous is 0 or null */
                                p50_response_time: {
                                    value: number | null;
                                    previous: number | null;
                                    change: number | null;
                                    /** @description True: value and previous are estimates from per-day sketches (end_users: HyperLogLog, standard error 1.15%; percentiles: within 1% of the exact value), used when the range holds many chats (ANALYTICS_EXACT_MAX_CHATS, default 50,000). Sums are always exact */
                                    estimated: boolean;
                                };
                                /** @description 90th percentile of avg_response_time (seconds), interpolated (percentile_cont). change = (value − previous) / previous, null when previous is 0 or null */
                                p90_response_time: {
                                    value: number | null;
                                    previous: number | null;
                                    change: number | null;
                                    /** @description True: value and previous are estimates from per-day sketches (end_users: HyperLogLog, standard error 1.15%; percentiles: within 1% of the exact value), used when the range holds many chats (ANALYTICS_EXACT_MAX_CHATS, default 50,000). Sums are always exact */
                                    estimated: boolean;
                                };
                                /** @description Mean user_rating (1–5) over the rated chats. change = (value − previous) / previous, null when previous is 0 or null */
                                avg_rating: {
                                    value: number | null;
                                    previous: number | null;
                                    change: number | null;
                                    /** @description True: value and previous are estimates from per-day sketches (end_users: HyperLogLog, standard error 1.15%; percentiles: within 1% of the exact value), used when the range holds many chats (ANALYTICS_EXACT_MAX_CHATS, default 50,000). Sums are always exact */
                                    estimated: boolean;
                                };
                                /** @description Number of chats with a user_rating. change = (value − previous) / previous, null when previous is 0 or null */
                                rated_chats: {
                                    value: number | null;
                                    previous: number | null;
                                    change: number | null;
                                    /** @description True: value and previous are estimates from per-day sketches (end_users: HyperLogLog, standard error 1.15%; percentiles: within 1% of the exact value), used when the range holds many chats (ANALYTICS_EXACT_MAX_CHATS, default 50,000). Sums are always exact */
                                    estimated: boolean;
                                };
                                /** @description Share (0–1) of rated chats rated 4 or 5. change = (value − previous) / previous, null when previous is 0 or null */
                                csat: {
                                    value: number | null;
                                    previous: number | null;
                                    change: number | null;
                                    /** @description True: value and previous are estimates from per-day sketches (end_users: HyperLogLog, standard error 1.15%; percentiles: within 1% of the exact value), used when the range holds many chats (ANALYTICS_EXACT_MAX_CHATS, default 50,000). Sums are always exact */
                                    estimated: boolean;
                                };
                                /** @description Sum of token_count over the chats that sent it (null when none did). change = (value − previous) / previous, null when previous is 0 or null */
                                total_tokens: {
                                    value: number | null;
                                    previous: number | null;
                                    change: number | null;
                                    /** @description True: value and previous are estimates from per-day sketches (end_users: HyperLogLog, standard error 1.15%; percentiles: within 1% of the exact value), used when the range holds many chats (ANALYTICS_EXACT_MAX_CHATS, default 50,000). Sums are always exact */
                                    estimated: boolean;
                                };
                                /** @description Mean token_count per chat, over the chats that sent it. change = (value − previous) / previous, null when previous is 0 or null */
                                avg_tokens: {
                                    value: number | null;
                                    previous: number | null;
                                    change: number | null;
                                    /** @description True: value and previous are estimates from per-day sketches (end_users: HyperLogLog, standard error 1.15%; percentiles: within 1% of the exact value), used when the range holds many chats (ANALYTICS_EXACT_MAX_CHATS, default 50,000). Sums are always exact */
                                    estimated: boolean;
                                };
                            };
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/timeseries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Metrics per time bucket, gap-filled
         * @description Buckets of an hour, day, week (from Monday) or month in the zone tz; a bucket without chats is present with zeros and nulls. Takes from, to (default: the last 30 days), tz and every filter of GET /api/v1/chats. Rates, CSAT and averages are over the chats that sent the field (a chat that never said whether it escalated is not a "no"); rates and CSAT are fractions 0–1. A metric with no data is null.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Start (inclusive): ISO 8601 with a zone, or a date (midnight in tz). Default: 30 days before to */
                    from?: string;
                    /** @description End (exclusive): ISO 8601 with a zone, or a date (midnight in tz). Default: now */
                    to?: string;
                    /** @description Comma-separated tags (compared in their stored, lowercase form) */
                    tags?: string;
                    /** @description all (default): chats with every tag; any: with at least one */
                    tags_mode?: "all" | "any";
                    /** @description Exact bot version; a comma-separated list matches any of the values */
                    bot_version?: string;
                    /** @description ISO 3166-1 alpha-2 country code; a comma-separated list matches any of the values */
                    country_code?: string;
                    /** @description ISO 639 language code; a comma-separated list matches any of the values */
                    language_code?: string;
                    /** @description Exact question category; a comma-separated list matches any of the values */
                    question_category?: string;
                    /** @description Sentiment (case-insensitive); a comma-separated list matches any of the values */
                    sentiment?: string;
                    is_escalated?: boolean;
                    is_forwarded_to_hr?: boolean;
                    session_id?: string;
                    /** @description The end user's id in the bot's system; in works-council mode the pseudonym shown instead (such as p_1f0c9a2b7d3e4f56) */
                    user_id?: number | string;
                    rating_min?: number;
                    rating_max?: number;
                    /** @description true: only rated chats; false: only unrated */
                    has_rating?: boolean;
                    /** @description Text in the title or in any message (substring, case-insensitive, any language) */
                    q?: string;
                    /** @description IANA time zone for day boundaries and buckets (daylight-saving changes included). Default: UTC */
                    tz?: string;
                    /** @description Comma-separated metrics (default: chats,escalation_rate,hr_forwarding_rate). chats: Number of chats; end_users: Distinct end users (user_id) among the chats; anonymous chats are not counted; messages: Messages in the transcripts of these chats; escalation_rate: Share (0–1) of escalated chats among the chats that sent is_escalated; a chat that never said is not a "no"; hr_forwarding_rate: Share (0–1) of chats handed over to HR among the chats that sent is_forwarded_to_hr; avg_response_time: Mean of avg_response_time (seconds) over the chats that sent it; p50_response_time: Median of avg_response_time (seconds), interpolated (percentile_cont); p90_response_time: 90th percentile of avg_response_time (seconds), interpolated (percentile_cont); avg_rating: Mean user_rating (1–5) over the rated chats; rated_chats: Number of chats with a user_rating; csat: Share (0–1) of rated chats rated 4 or 5; total_tokens: Sum of token_count over the chats that sent it (null when none did); avg_tokens: Mean token_count per chat, over the chats that sent it */
                    metrics?: string;
                    /** @description Bucket size (default: day); weeks start on Monday */
                    interval?: "hour" | "day" | "week" | "month";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            interval: "hour" | "day" | "week" | "month";
                            tz: string;
                            buckets: {
                                /** @description Bucket start, ISO 8601 with the zone's offset */
                                start: string;
                                /** @description Works-council mode: why these figures are null (fewer_than_k: fewer than k distinct end users; difference: a wider or less filtered figure differs from this one by fewer than k; complement: a split of these chats would leave fewer than k hidden; total_suppressed: the figures of the whole answer are hidden; outside_window: before the window the mode checks). Null: shown (always null when the mode is off) */
                                suppressed: ("fewer_than_k" | "difference" | "complement" | "total_suppressed" | "outside_window") | null;
                                /** @description Number of chats. Present when metrics asks for it */
                                chats?: number | null;
                                /** @description Distinct end users (user_id) among the chats; anonymous chats are not counted. Present when metrics asks for it */
                                end_users?: number | null;
                                /** @description Messages in the transcripts of these chats. Present when metrics asks for it */
                                messages?: number | null;
                                /** @description Share (0–1) of escalated chats among the chats that sent is_escalated; a chat that never said is not a "no". Present when metrics asks for it */
                                escalation_rate?: number | null;
                                /** @description Share (0–1) of chats handed over to HR among the chats that sent is_forwarded_to_hr. Present when metrics asks for it */
                                hr_forwarding_rate?: number | null;
                                /** @description Mean of avg_response_time (seconds) over the chats that sent it. Present when metrics asks for it */
                                avg_response_time?: number | null;
                                /** @description Median of avg_response_time (seconds), interpolated (percentile_cont). Present when metrics asks for it */
                                p50_response_time?: number | null;
                                /** @description 90th percentile of avg_response_time (seconds), interpolated (percentile_cont). Present when metrics asks for it */
                                p90_response_time?: number | null;
                                /** @description Mean user_rating (1–5) over the rated chats. Present when metrics asks for it */
                                avg_rating?: number | null;
                                /** @description Number of chats with a user_rating. Present when metrics asks for it */
                                rated_chats?: number | null;
                                /** @description Share (0–1) of rated chats rated 4 or 5. Present when metrics asks for it */
                                csat?: number | null;
                                /** @description Sum of token_count over the chats that sent it (null when none did). Present when metrics asks for it */
                                total_tokens?: number | null;
                                /** @description Mean token_count per chat, over the chats that sent it. Present when metrics asks for it */
                                avg_tokens?: number | null;
                            }[];
                            /** @description Works-council mode: its k; null when the mode is off */
                            works_council: {
                                /** @description The organization's k: figures describe at least k distinct end users */
                                k: number;
                            } | null;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/breakdown": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Metrics per value of a field: the top groups, the rest as other, and unknown
         * @description Groups are ordered by chats, descending. A chat counts once for each of its tags when by=tag. Takes from, to (default: the last 30 days), tz and every filter of GET /api/v1/chats. Rates, CSAT and averages are over the chats that sent the field (a chat that never said whether it escalated is not a "no"); rates and CSAT are fractions 0–1. A metric with no data is null.
         */
        get: {
            parameters: {
                query: {
                    /** @description Start (inclusive): ISO 8601 with a zone, or a date (midnight in tz). Default: 30 days before to */
                    from?: string;
                    /** @description End (exclusive): ISO 8601 with a zone, or a date (midnight in tz). Default: now */
                    to?: string;
                    /** @description Comma-separated tags (compared in their stored, lowercase form) */
                    tags?: string;
                    /** @description all (default): chats with every tag; any: with at least one */
                    tags_mode?: "all" | "any";
                    /** @description Exact bot version; a comma-separated list matches any of the values */
                    bot_version?: string;
                    /** @description ISO 3166-1 alpha-2 country code; a comma-separated list matches any of the values */
                    country_code?: string;
                    /** @description ISO 639 language code; a comma-separated list matches any of the values */
                    language_code?: string;
                    /** @description Exact question category; a comma-separated list matches any of the values */
                    question_category?: string;
                    /** @description Sentiment (case-insensitive); a comma-separated list matches any of the values */
                    sentiment?: string;
                    is_escalated?: boolean;
                    is_forwarded_to_hr?: boolean;
                    session_id?: string;
                    /** @description The end user's id in the bot's system; in works-council mode the pseudonym shown instead (such as p_1f0c9a2b7d3e4f56) */
                    user_id?: number | string;
                    rating_min?: number;
                    rating_max?: number;
                    /** @description true: only rated chats; false: only unrated */
                    has_rating?: boolean;
                    /** @description Text in the title or in any message (substring, case-insensitive, any language) */
                    q?: string;
                    /** @description IANA time zone for day boundaries and buckets (daylight-saving changes included). Default: UTC */
                    tz?: string;
                    /** @description The field to group chats by (tag: a chat counts once for each of its tags) */
                    by: "bot_version" | "country_code" | "is_escalated" | "is_forwarded_to_hr" | "language_code" | "question_category" | "sentiment" | "user_rating" | "tag";
                    /** @description Comma-separated metrics (default: chats,escalation_rate,hr_forwarding_rate,avg_rating,csat). chats: Number of chats; end_users: Distinct end users (user_id) among the chats; anonymous chats are not counted; messages: Messages in the transcripts of these chats; escalation_rate: Share (0–1) of escalated chats among the chats that sent is_escalated; a chat that never said is not a "no"; hr_forwarding_rate: Share (0–1) of chats handed over to HR among the chats that sent is_forwarded_to_hr; avg_response_time: Mean of avg_response_time (seconds) over the chats that sent it; p50_response_time: Median of avg_response_time (seconds), interpolated (percentile_cont); p90_response_time: 90th percentile of avg_response_time (seconds), interpolated (percentile_cont); avg_rating: Mean user_rating (1–5) over the rated chats; rated_chats: Number of chats with a user_rating; csat: Share (0–1) of rated chats rated 4 or 5; total_tokens: Sum of token_count over the chats that sent it (null when none did); avg_tokens: Mean token_count per chat, over the chats that sent it */
                    metrics?: string;
                    /** @description How many top groups; the rest are summed as other */
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            by: "bot_version" | "country_code" | "is_escalated" | "is_forwarded_to_hr" | "language_code" | "question_category" | "sentiment" | "user_rating" | "tag";
                            /** @description The top groups, by chats (descending). Works-council mode: up to 100 whatever limit says; a group of fewer than k people is left out */
                            groups: {
                                key: string | number | boolean;
                                /** @description Works-council mode: why these figures are null (fewer_than_k: fewer than k distinct end users; difference: a wider or less filtered figure differs from this one by fewer than k; complement: a split of these chats would leave fewer than k hidden; total_suppressed: the figures of the whole answer are hidden; outside_window: before the window the mode checks). Null: shown (always null when the mode is off) */
                                suppressed: ("fewer_than_k" | "difference" | "complement" | "total_suppressed" | "outside_window") | null;
                                /** @description Number of chats. Present when metrics asks for it */
                                chats?: number | null;
                                /** @description Distinct end users (user_id) among the chats; anonymous chats are not counted. Present when metrics asks for it */
                                end_users?: number | null;
                                /** @description Messages in the transcripts of these chats. Present when metrics asks for it */
                                messages?: number | null;
                                /** @description Share (0–1) of escalated chats among the chats that sent is_escalated; a chat that never said is not a "no". Present when metrics asks for it */
                                escalation_rate?: number | null;
                                /** @description Share (0–1) of chats handed over to HR among the chats that sent is_forwarded_to_hr. Present when metrics asks for it */
                                hr_forwarding_rate?: number | null;
                                /** @description Mean of avg_response_time (seconds) over the chats that sent it. Present when metrics asks for it */
                                avg_response_time?: number | null;
                                /** @description Median of avg_response_time (seconds), interpolated (percentile_cont). Present when metrics asks for it */
                                p50_response_time?: number | null;
                                /** @description 90th percentile of avg_response_time (seconds), interpolated (percentile_cont). Present when metrics asks for it */
                                p90_response_time?: number | null;
                                /** @description Mean user_rating (1–5) over the rated chats. Present when metrics asks for it */
                                avg_rating?: number | null;
                                /** @description Number of chats with a user_rating. Present when metrics asks for it */
                                rated_chats?: number | null;
                                /** @description Share (0–1) of rated chats rated 4 or 5. Present when metrics asks for it */
                                csat?: number | null;
                                /** @description Sum of token_count over the chats that sent it (null when none did). Present when metrics asks for it */
                                total_tokens?: number | null;
                                /** @description Mean token_count per chat, over the chats that sent it. Present when metrics asks for it */
                                avg_tokens?: number | null;
                            }[];
                            /** @description The other groups summed, or null */
                            other: {
                                /** @description Works-council mode: why these figures are null (fewer_than_k: fewer than k distinct end users; difference: a wider or less filtered figure differs from this one by fewer than k; complement: a split of these chats would leave fewer than k hidden; total_suppressed: the figures of the whole answer are hidden; outside_window: before the window the mode checks). Null: shown (always null when the mode is off) */
                                suppressed: ("fewer_than_k" | "difference" | "complement" | "total_suppressed" | "outside_window") | null;
                                /** @description Number of chats. Present when metrics asks for it */
                                chats?: number | null;
                                /** @description Distinct end users (user_id) among the chats; anonymous chats are not counted. Present when metrics asks for it */
                                end_users?: number | null;
                                /** @description Messages in the transcripts of these chats. Present when metrics asks for it */
                                messages?: number | null;
                                /** @description Share (0–1) of escalated chats among the chats that sent is_escalated; a chat that never said is not a "no". Present when metrics asks for it */
                                escalation_rate?: number | null;
                                /** @description Share (0–1) of chats handed over to HR among the chats that sent is_forwarded_to_hr. Present when metrics asks for it */
                                hr_forwarding_rate?: number | null;
                                /** @description Mean of avg_response_time (seconds) over the chats that sent it. Present when metrics asks for it */
                                avg_response_time?: number | null;
                                /** @description Median of avg_response_time (seconds), interpolated (percentile_cont). Present when metrics asks for it */
                                p50_response_time?: number | null;
                                /** @description 90th percentile of avg_response_time (seconds), interpolated (percentile_cont). Present when metrics asks for it */
                                p90_response_time?: number | null;
                                /** @description Mean user_rating (1–5) over the rated chats. Present when metrics asks for it */
                                avg_rating?: number | null;
                                /** @description Number of chats with a user_rating. Present when metrics asks for it */
                                rated_chats?: number | null;
                                /** @description Share (0–1) of rated chats rated 4 or 5. Present when metrics asks for it */
                                csat?: number | null;
                                /** @description Sum of token_count over the chats that sent it (null when none did). Present when metrics asks for it */
                                total_tokens?: number | null;
                                /** @description Mean token_count per chat, over the chats that sent it. Present when metrics asks for it */
                                avg_tokens?: number | null;
                            } | null;
                            /** @description Chats that did not send the field (tag: chats without tags), or null */
                            unknown: {
                                /** @description Works-council mode: why these figures are null (fewer_than_k: fewer than k distinct end users; difference: a wider or less filtered figure differs from this one by fewer than k; complement: a split of these chats would leave fewer than k hidden; total_suppressed: the figures of the whole answer are hidden; outside_window: before the window the mode checks). Null: shown (always null when the mode is off) */
                                suppressed: ("fewer_than_k" | "difference" | "complement" | "total_suppressed" | "outside_window") | null;
                                /** @description Number of chats. Present when metrics asks for it */
                                chats?: number | null;
                                /** @description Distinct end users (user_id) among the chats; anonymous chats are not counted. Present when metrics asks for it */
                                end_users?: number | null;
                                /** @description Messages in the transcripts of these chats. Present when metrics asks for it */
                                messages?: number | null;
                                /** @description Share (0–1) of escalated chats among the chats that sent is_escalated; a chat that never said is not a "no". Present when metrics asks for it */
                                escalation_rate?: number | null;
                                /** @description Share (0–1) of chats handed over to HR among the chats that sent is_forwarded_to_hr. Present when metrics asks for it */
                                hr_forwarding_rate?: number | null;
                                /** @description Mean of avg_response_time (seconds) over the chats that sent it. Present when metrics asks for it */
                                avg_response_time?: number | null;
                                /** @description Median of avg_response_time (seconds), interpolated (percentile_cont). Present when metrics asks for it */
                                p50_response_time?: number | null;
                                /** @description 90th percentile of avg_response_time (seconds), interpolated (percentile_cont). Present when metrics asks for it */
                                p90_response_time?: number | null;
                                /** @description Mean user_rating (1–5) over the rated chats. Present when metrics asks for it */
                                avg_rating?: number | null;
                                /** @description Number of chats with a user_rating. Present when metrics asks for it */
                                rated_chats?: number | null;
                                /** @description Share (0–1) of rated chats rated 4 or 5. Present when metrics asks for it */
                                csat?: number | null;
                                /** @description Sum of token_count over the chats that sent it (null when none did). Present when metrics asks for it */
                                total_tokens?: number | null;
                                /** @description Mean token_count per chat, over the chats that sent it. Present when metrics asks for it */
                                avg_tokens?: number | null;
                            } | null;
                            /** @description Works-council mode: its k; null when the mode is off */
                            works_council: {
                                /** @description The organization's k: figures describe at least k distinct end users */
                                k: number;
                            } | null;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Messages in a date range, in total and by role */
        get: {
            parameters: {
                query?: {
                    /** @description From (inclusive): ISO 8601 with a zone, or a date. Default: 30 days before end */
                    start?: string;
                    /** @description Until (exclusive): ISO 8601 with a zone, or a date. Default: now */
                    end?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total_messages: number | null;
                            by_role: {
                                user: number | null;
                                assistant: number | null;
                                system: number | null;
                            };
                            date_range: {
                                /** Format: date-time */
                                start: string;
                                /** Format: date-time */
                                end: string;
                            };
                            /** @description Works-council mode: why these figures are null (fewer_than_k: fewer than k distinct end users; difference: a wider or less filtered figure differs from this one by fewer than k; complement: a split of these chats would leave fewer than k hidden; total_suppressed: the figures of the whole answer are hidden; outside_window: before the window the mode checks). Null: shown (always null when the mode is off) */
                            suppressed: ("fewer_than_k" | "difference" | "complement" | "total_suppressed" | "outside_window") | null;
                            /** @description Works-council mode: its k; null when the mode is off */
                            works_council: {
                                /** @description The organization's k: figures describe at least k distinct end users */
                                k: number;
                            } | null;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
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
        /** The organization's audit log (admin), newest first, with filters and cursor paging */
        get: {
            parameters: {
                query?: {
                    /** @description An action, or a prefix ending in "." (member.) */
                    action?: string;
                    actor_id?: number;
                    actor_type?: "user" | "api_key" | "operator" | "system";
                    target_type?: string;
                    target_id?: string;
                    /** @description From this time (inclusive) */
                    since?: string;
                    /** @description Up to this time (inclusive) */
                    until?: string;
                    /** @description Page size, 1–200 */
                    limit?: number;
                    /** @description next_cursor of the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            entries: {
                                seq: number;
                                /** Format: date-time */
                                created_at: string;
                                actor: {
                                    /** @description user (dashboard), api_key (bot), operator (command line), system (retention job) */
                                    type: string;
                                    id: number | null;
                                    /** @description The user's e-mail or the key's label at the time */
                                    label: string | null;
                                };
                                /** @description e.g. api_key.created, member.removed, settings.privacy_updated, chat.opened, auth.login_failed */
                                action: string;
                                target: {
                                    type: string | null;
                                    id: string | null;
                                };
                                /** @description The client's address, kept per the organization's IP setting */
                                ip: string | null;
                                /** @description before/after for settings, counts for erasures... */
                                details: {
                                    [key: string]: unknown;
                                } | null;
                                /** @description Target and details were removed by an erasure request */
                                pseudonymized: boolean;
                                prev_hash: string;
                                hash: string;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download the audit log as CSV (admin), newest first, same filters; the download is itself audited
         * @description At most 200000 entries a download: narrow it with since/until beyond that.
         */
        get: {
            parameters: {
                query?: {
                    /** @description An action, or a prefix ending in "." (member.) */
                    action?: string;
                    actor_id?: number;
                    actor_type?: "user" | "api_key" | "operator" | "system";
                    target_type?: string;
                    target_id?: string;
                    /** @description From this time (inclusive) */
                    since?: string;
                    /** @description Up to this time (inclusive) */
                    until?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The entries as CSV (Content-Disposition: attachment) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Check the audit log's hash chain (admin): ok, or the first entry that was changed or removed */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                            entries: number;
                            first_seq: number | null;
                            last_seq: number | null;
                            pseudonymized: number;
                            broken_at?: number;
                            reason?: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/me/privacy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization's privacy settings (admin): IP handling, retention, legal hold */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description full: as sent; truncated: IPv4 to its /24, IPv6 to its /48; none: not stored. Applied where chats are written. */
                            ip_mode: "full" | "truncated" | "none";
                            /** @description Message text and chat titles are removed after this (counts and ratings stay); days after the chat was created (1–36500); null = keep */
                            content_retention_days: number | null;
                            /** @description IP address, session_id and transcript_link are removed after this; days after the chat was created (1–36500); null = keep */
                            metadata_retention_days: number | null;
                            /** @description Whole chats are deleted after this (they leave the analytics like a DELETE); days after the chat was created (1–36500); null = keep */
                            chat_retention_days: number | null;
                            /** @description Audit entries older than this are deleted; null = keep */
                            audit_retention_days: number | null;
                            /** @description While true, nothing is deleted: retention and erasure wait */
                            legal_hold: boolean;
                            /** @description Redaction at ingest: what is done with each kind of personal data found in chat titles, message text and free-text metadata before anything is written. Applies to chats and messages received after the change; stored text is not rewritten. */
                            redaction: {
                                /** @description E-mail addresses. keep: stored as sent; mask: replaced by "[type]"; pseudonymize: replaced by "[type:8 hex digits]", the same value giving the same pseudonym in this organization */
                                email: "keep" | "mask" | "pseudonymize";
                                /** @description Phone numbers (checked per country with libphonenumber-js). keep: stored as sent; mask: replaced by "[type]"; pseudonymize: replaced by "[type:8 hex digits]", the same value giving the same pseudonym in this organization */
                                phone: "keep" | "mask" | "pseudonymize";
                                /** @description IBANs (checksum verified). keep: stored as sent; mask: replaced by "[type]"; pseudonymize: replaced by "[type:8 hex digits]", the same value giving the same pseudonym in this organization */
                                iban: "keep" | "mask" | "pseudonymize";
                                /** @description Payment card numbers (Luhn verified). keep: stored as sent; mask: replaced by "[type]"; pseudonymize: replaced by "[type:8 hex digits]", the same value giving the same pseudonym in this organization */
                                payment_card: "keep" | "mask" | "pseudonymize";
                                /** @description National ids with a checksum: NL BSN, DE tax id, UK NINO, US SSN. keep: stored as sent; mask: replaced by "[type]"; pseudonymize: replaced by "[type:8 hex digits]", the same value giving the same pseudonym in this organization */
                                national_id: "keep" | "mask" | "pseudonymize";
                                /** @description IPv4 and IPv6 addresses written in text. keep: stored as sent; mask: replaced by "[type]"; pseudonymize: replaced by "[type:8 hex digits]", the same value giving the same pseudonym in this organization */
                                ip_address: "keep" | "mask" | "pseudonymize";
                            };
                            /** @description Works-council mode: aggregates that describe fewer than works_council_k distinct end users are suppressed, end users appear only as pseudonyms, and transcripts are readable only after a second admin approves a request with a reason */
                            works_council: boolean;
                            /**
                             * @description The fewest distinct end users an aggregate may describe in works-council mode
                             * @default 5
                             */
                            works_council_k: number;
                            /** Format: date-time */
                            updated_at: string | null;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change the privacy settings (admin); audited with before and after
         * @description Fields not sent stay as they are; null turns a retention off (keep). With dry_run: true, answers what the change would remove and changes nothing. A change that would remove stored data is 409 confirmation_required unless confirm: true is sent. A stricter ip_mode applies to new chats at once and to stored ones at the next retention run.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description full: as sent; truncated: IPv4 to its /24, IPv6 to its /48; none: not stored. Applied where chats are written. */
                        ip_mode?: "full" | "truncated" | "none";
                        /** @description Message text and titles; days after the chat was created (1–36500); null = keep */
                        content_retention_days?: number | null;
                        /** @description IP, session_id, transcript_link; days after the chat was created (1–36500); null = keep */
                        metadata_retention_days?: number | null;
                        /** @description Whole chats; days after the chat was created (1–36500); null = keep */
                        chat_retention_days?: number | null;
                        audit_retention_days?: number | null;
                        legal_hold?: boolean;
                        redaction?: {
                            /** @description E-mail addresses. keep: stored as sent; mask: replaced by "[type]"; pseudonymize: replaced by "[type:8 hex digits]", the same value giving the same pseudonym in this organization */
                            email?: "keep" | "mask" | "pseudonymize";
                            /** @description Phone numbers (checked per country with libphonenumber-js). keep: stored as sent; mask: replaced by "[type]"; pseudonymize: replaced by "[type:8 hex digits]", the same value giving the same pseudonym in this organization */
                            phone?: "keep" | "mask" | "pseudonymize";
                            /** @description IBANs (checksum verified). keep: stored as sent; mask: replaced by "[type]"; pseudonymize: replaced by "[type:8 hex digits]", the same value giving the same pseudonym in this organization */
                            iban?: "keep" | "mask" | "pseudonymize";
                            /** @description Payment card numbers (Luhn verified). keep: stored as sent; mask: replaced by "[type]"; pseudonymize: replaced by "[type:8 hex digits]", the same value giving the same pseudonym in this organization */
                            payment_card?: "keep" | "mask" | "pseudonymize";
                            /** @description National ids with a checksum: NL BSN, DE tax id, UK NINO, US SSN. keep: stored as sent; mask: replaced by "[type]"; pseudonymize: replaced by "[type:8 hex digits]", the same value giving the same pseudonym in this organization */
                            national_id?: "keep" | "mask" | "pseudonymize";
                            /** @description IPv4 and IPv6 addresses written in text. keep: stored as sent; mask: replaced by "[type]"; pseudonymize: replaced by "[type:8 hex digits]", the same value giving the same pseudonym in this organization */
                            ip_address?: "keep" | "mask" | "pseudonymize";
                        };
                        works_council?: boolean;
                        /** @default 5 */
                        works_council_k?: number;
                        /** @description Answer what the change would delete, change nothing */
                        dry_run?: boolean;
                        /** @description Required (true) when the change would delete or rewrite stored data */
                        confirm?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            settings: {
                                /** @description full: as sent; truncated: IPv4 to its /24, IPv6 to its /48; none: not stored. Applied where chats are written. */
                                ip_mode: "full" | "truncated" | "none";
                                /** @description Message text and chat titles are removed after this (counts and ratings stay); days after the chat was created (1–36500); null = keep */
                                content_retention_days: number | null;
                                /** @description IP address, session_id and transcript_link are removed after this; days after the chat was created (1–36500); null = keep */
                                metadata_retention_days: number | null;
                                /** @description Whole chats are deleted after this (they leave the analytics like a DELETE); days after the chat was created (1–36500); null = keep */
                                chat_retention_days: number | null;
                                /** @description Audit entries older than this are deleted; null = keep */
                                audit_retention_days: number | null;
                                /** @description While true, nothing is deleted: retention and erasure wait */
                                legal_hold: boolean;
                                /** @description Redaction at ingest: what is done with each kind of personal data found in chat titles, message text and free-text metadata before anything is written. Applies to chats and messages received after the change; stored text is not rewritten. */
                                redaction: {
                                    /** @description E-mail addresses. keep: stored as sent; mask: replaced by "[type]"; pseudonymize: replaced by "[type:8 hex digits]", the same value giving the same pseudonym in this organization */
                                    email: "keep" | "mask" | "pseudonymize";
                                    /** @description Phone numbers (checked per country with libphonenumber-js). keep: stored as sent; mask: replaced by "[type]"; pseudonymize: replaced by "[type:8 hex digits]", the same value giving the same pseudonym in this organization */
                                    phone: "keep" | "mask" | "pseudonymize";
                                    /** @description IBANs (checksum verified). keep: stored as sent; mask: replaced by "[type]"; pseudonymize: replaced by "[type:8 hex digits]", the same value giving the same pseudonym in this organization */
                                    iban: "keep" | "mask" | "pseudonymize";
                                    /** @description Payment card numbers (Luhn verified). keep: stored as sent; mask: replaced by "[type]"; pseudonymize: replaced by "[type:8 hex digits]", the same value giving the same pseudonym in this organization */
                                    payment_card: "keep" | "mask" | "pseudonymize";
                                    /** @description National ids with a checksum: NL BSN, DE tax id, UK NINO, US SSN. keep: stored as sent; mask: replaced by "[type]"; pseudonymize: replaced by "[type:8 hex digits]", the same value giving the same pseudonym in this organization */
                                    national_id: "keep" | "mask" | "pseudonymize";
                                    /** @description IPv4 and IPv6 addresses written in text. keep: stored as sent; mask: replaced by "[type]"; pseudonymize: replaced by "[type:8 hex digits]", the same value giving the same pseudonym in this organization */
                                    ip_address: "keep" | "mask" | "pseudonymize";
                                };
                                /** @description Works-council mode: aggregates that describe fewer than works_council_k distinct end users are suppressed, end users appear only as pseudonyms, and transcripts are readable only after a second admin approves a request with a reason */
                                works_council: boolean;
                                /**
                                 * @description The fewest distinct end users an aggregate may describe in works-council mode
                                 * @default 5
                                 */
                                works_council_k: number;
                                /** Format: date-time */
                                updated_at: string | null;
                            };
                            dry_run: boolean;
                            /** @description What the retention job would delete at its next run under these settings */
                            would_delete: {
                                /** @description Chats whose title and message text would be removed */
                                chats_content: number;
                                /** @description Chats whose IP, session_id and transcript_link would be removed */
                                chats_metadata: number;
                                /** @description Chats that would be deleted */
                                chats: number;
                                /** @description Stored IP addresses that the new IP mode would truncate or remove */
                                ip_addresses: number;
                                audit_entries: number;
                                export_files: number;
                            };
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/orgs/me/privacy/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization's privacy settings, read-only, for every member (the dashboard's privacy summary) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description full: as sent; truncated: IPv4 to its /24, IPv6 to its /48; none: not stored. Applied where chats are written. */
                            ip_mode: "full" | "truncated" | "none";
                            /** @description Message text and chat titles are removed after this (counts and ratings stay); days after the chat was created (1–36500); null = keep */
                            content_retention_days: number | null;
                            /** @description IP address, session_id and transcript_link are removed after this; days after the chat was created (1–36500); null = keep */
                            metadata_retention_days: number | null;
                            /** @description Whole chats are deleted after this (they leave the analytics like a DELETE); days after the chat was created (1–36500); null = keep */
                            chat_retention_days: number | null;
                            /** @description Audit entries older than this are deleted; null = keep */
                            audit_retention_days: number | null;
                            /** @description While true, nothing is deleted: retention and erasure wait */
                            legal_hold: boolean;
                            /** @description Redaction at ingest: what is done with each kind of personal data found in chat titles, message text and free-text metadata before anything is written. Applies to chats and messages received after the change; stored text is not rewritten. */
                            redaction: {
                                /** @description E-mail addresses. keep: stored as sent; mask: replaced by "[type]"; pseudonymize: replaced by "[type:8 hex digits]", the same value giving the same pseudonym in this organization */
                                email: "keep" | "mask" | "pseudonymize";
                                /** @description Phone numbers (checked per country with libphonenumber-js). keep: stored as sent; mask: replaced by "[type]"; pseudonymize: replaced by "[type:8 hex digits]", the same value giving the same pseudonym in this organization */
                                phone: "keep" | "mask" | "pseudonymize";
                                /** @description IBANs (checksum verified). keep: stored as sent; mask: replaced by "[type]"; pseudonymize: replaced by "[type:8 hex digits]", the same value giving the same pseudonym in this organization */
                                iban: "keep" | "mask" | "pseudonymize";
                                /** @description Payment card numbers (Luhn verified). keep: stored as sent; mask: replaced by "[type]"; pseudonymize: replaced by "[type:8 hex digits]", the same value giving the same pseudonym in this organization */
                                payment_card: "keep" | "mask" | "pseudonymize";
                                /** @description National ids with a checksum: NL BSN, DE tax id, UK NINO, US SSN. keep: stored as sent; mask: replaced by "[type]"; pseudonymize: replaced by "[type:8 hex digits]", the same value giving the same pseudonym in this organization */
                                national_id: "keep" | "mask" | "pseudonymize";
                                /** @description IPv4 and IPv6 addresses written in text. keep: stored as sent; mask: replaced by "[type]"; pseudonymize: replaced by "[type:8 hex digits]", the same value giving the same pseudonym in this organization */
                                ip_address: "keep" | "mask" | "pseudonymize";
                            };
                            /** @description Works-council mode: aggregates that describe fewer than works_council_k distinct end users are suppressed, end users appear only as pseudonyms, and transcripts are readable only after a second admin approves a request with a reason */
                            works_council: boolean;
                            /**
                             * @description The fewest distinct end users an aggregate may describe in works-council mode
                             * @default 5
                             */
                            works_council_k: number;
                            /** Format: date-time */
                            updated_at: string | null;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/erasure-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization's erasure requests (admin), newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            requests: {
                                id: number;
                                /** @description completed, or dry_run */
                                status: string;
                                dry_run: boolean;
                                subject: {
                                    type: string;
                                    digest: string;
                                };
                                requested_by: number | null;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                completed_at: string | null;
                                receipt: {
                                    /** @enum {number} */
                                    version: 1;
                                    request_id: number;
                                    organization_id: number;
                                    subject: {
                                        type: string;
                                        /** @description HMAC of the subject: the id itself is not kept */
                                        digest: string;
                                    };
                                    dry_run: boolean;
                                    requested_by: {
                                        user_id: number | null;
                                        email: string | null;
                                    };
                                    /** Format: date-time */
                                    requested_at: string;
                                    /** Format: date-time */
                                    completed_at: string;
                                    counts: {
                                        chats: number;
                                        messages: number;
                                        /** @description Stored answers to Idempotency-Key requests that named the chats */
                                        idempotency_answers: number;
                                        /** @description Export files that may have contained the chats (deleted) */
                                        export_files: number;
                                        /** @description Audit entries about the chats whose target was removed */
                                        audit_entries_pseudonymized: number;
                                    };
                                };
                                /** @description HMAC-SHA256 of the receipt; check it with `chatlogger verify-receipt` */
                                signature: string;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Erase an end user's data (admin): by user_id or session_id; answers a signed receipt
         * @description Deletes the subject's chats and messages, the stored idempotency answers naming them, the export files that may contain them, and pseudonymizes audit entries about them, in one transaction. 201 with the receipt (200 for dry_run: true, which erases nothing). Repeating it erases what arrived since; an unknown subject gets zero counts. 409 legal_hold while the organization is under a legal hold.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The end user's id (chats' user_id) */
                        user_id?: number;
                        /** @description Or a session id (chats' metadata.session_id) */
                        session_id?: string;
                        /** @description Count what would be erased, erase nothing */
                        dry_run?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @description completed, or dry_run */
                            status: string;
                            dry_run: boolean;
                            subject: {
                                type: string;
                                digest: string;
                            };
                            requested_by: number | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            completed_at: string | null;
                            receipt: {
                                /** @enum {number} */
                                version: 1;
                                request_id: number;
                                organization_id: number;
                                subject: {
                                    type: string;
                                    /** @description HMAC of the subject: the id itself is not kept */
                                    digest: string;
                                };
                                dry_run: boolean;
                                requested_by: {
                                    user_id: number | null;
                                    email: string | null;
                                };
                                /** Format: date-time */
                                requested_at: string;
                                /** Format: date-time */
                                completed_at: string;
                                counts: {
                                    chats: number;
                                    messages: number;
                                    /** @description Stored answers to Idempotency-Key requests that named the chats */
                                    idempotency_answers: number;
                                    /** @description Export files that may have contained the chats (deleted) */
                                    export_files: number;
                                    /** @description Audit entries about the chats whose target was removed */
                                    audit_entries_pseudonymized: number;
                                };
                            };
                            /** @description HMAC-SHA256 of the receipt; check it with `chatlogger verify-receipt` */
                            signature: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @description completed, or dry_run */
                            status: string;
                            dry_run: boolean;
                            subject: {
                                type: string;
                                digest: string;
                            };
                            requested_by: number | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            completed_at: string | null;
                            receipt: {
                                /** @enum {number} */
                                version: 1;
                                request_id: number;
                                organization_id: number;
                                subject: {
                                    type: string;
                                    /** @description HMAC of the subject: the id itself is not kept */
                                    digest: string;
                                };
                                dry_run: boolean;
                                requested_by: {
                                    user_id: number | null;
                                    email: string | null;
                                };
                                /** Format: date-time */
                                requested_at: string;
                                /** Format: date-time */
                                completed_at: string;
                                counts: {
                                    chats: number;
                                    messages: number;
                                    /** @description Stored answers to Idempotency-Key requests that named the chats */
                                    idempotency_answers: number;
                                    /** @description Export files that may have contained the chats (deleted) */
                                    export_files: number;
                                    /** @description Audit entries about the chats whose target was removed */
                                    audit_entries_pseudonymized: number;
                                };
                            };
                            /** @description HMAC-SHA256 of the receipt; check it with `chatlogger verify-receipt` */
                            signature: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/erasure-requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One erasure request: its status and signed receipt (admin) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Numeric id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @description completed, or dry_run */
                            status: string;
                            dry_run: boolean;
                            subject: {
                                type: string;
                                digest: string;
                            };
                            requested_by: number | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            completed_at: string | null;
                            receipt: {
                                /** @enum {number} */
                                version: 1;
                                request_id: number;
                                organization_id: number;
                                subject: {
                                    type: string;
                                    /** @description HMAC of the subject: the id itself is not kept */
                                    digest: string;
                                };
                                dry_run: boolean;
                                requested_by: {
                                    user_id: number | null;
                                    email: string | null;
                                };
                                /** Format: date-time */
                                requested_at: string;
                                /** Format: date-time */
                                completed_at: string;
                                counts: {
                                    chats: number;
                                    messages: number;
                                    /** @description Stored answers to Idempotency-Key requests that named the chats */
                                    idempotency_answers: number;
                                    /** @description Export files that may have contained the chats (deleted) */
                                    export_files: number;
                                    /** @description Audit entries about the chats whose target was removed */
                                    audit_entries_pseudonymized: number;
                                };
                            };
                            /** @description HMAC-SHA256 of the receipt; check it with `chatlogger verify-receipt` */
                            signature: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the organization's webhook endpoints (admin) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            endpoints: {
                                id: number;
                                url: string;
                                description: string;
                                events: ("chat.created" | "chat.escalated" | "chat.forwarded_to_hr" | "chat.rated_low" | "chat.updated" | "export.completed" | "alert.fired" | "alert.resolved")[];
                                include_content: boolean;
                                enabled: boolean;
                                /** @description Why the server disabled it (a day of failed deliveries) */
                                disabled_reason: string | null;
                                /** Format: date-time */
                                disabled_at: string | null;
                                /**
                                 * Format: date-time
                                 * @description First failed attempt since the last success
                                 */
                                failing_since: string | null;
                                /**
                                 * Format: date-time
                                 * @description Until then the previous secret signs too
                                 */
                                previous_secret_expires_at: string | null;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a webhook endpoint (admin); its signing secret is shown only in this answer */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description https:// (or http://) URL that receives a POST per event */
                        url: string;
                        /** @description The events to send: chat.created, chat.escalated, chat.forwarded_to_hr, chat.rated_low, chat.updated, export.completed, alert.fired, alert.resolved (chat.rated_low: a rating of 2 or less) */
                        events: ("chat.created" | "chat.escalated" | "chat.forwarded_to_hr" | "chat.rated_low" | "chat.updated" | "export.completed" | "alert.fired" | "alert.resolved")[];
                        description?: string;
                        /** @description Chat events carry the chat's title, transcript link and first 100 messages (default false: metadata only; never the IP address) */
                        include_content?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            url: string;
                            description: string;
                            events: ("chat.created" | "chat.escalated" | "chat.forwarded_to_hr" | "chat.rated_low" | "chat.updated" | "export.completed" | "alert.fired" | "alert.resolved")[];
                            include_content: boolean;
                            enabled: boolean;
                            /** @description Why the server disabled it (a day of failed deliveries) */
                            disabled_reason: string | null;
                            /** Format: date-time */
                            disabled_at: string | null;
                            /**
                             * Format: date-time
                             * @description First failed attempt since the last success
                             */
                            failing_since: string | null;
                            /**
                             * Format: date-time
                             * @description Until then the previous secret signs too
                             */
                            previous_secret_expires_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** @description The signing secret (whsec_...). Shown only when created or rotated: store it now. */
                            secret: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A webhook endpoint (admin) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Numeric id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            url: string;
                            description: string;
                            events: ("chat.created" | "chat.escalated" | "chat.forwarded_to_hr" | "chat.rated_low" | "chat.updated" | "export.completed" | "alert.fired" | "alert.resolved")[];
                            include_content: boolean;
                            enabled: boolean;
                            /** @description Why the server disabled it (a day of failed deliveries) */
                            disabled_reason: string | null;
                            /** Format: date-time */
                            disabled_at: string | null;
                            /**
                             * Format: date-time
                             * @description First failed attempt since the last success
                             */
                            failing_since: string | null;
                            /**
                             * Format: date-time
                             * @description Until then the previous secret signs too
                             */
                            previous_secret_expires_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a webhook endpoint and its queue and log (admin) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Numeric id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a webhook endpoint (admin): URL, events, description, content, enabled */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Numeric id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description https:// (or http://) URL that receives a POST per event */
                        url?: string;
                        /** @description The events to send: chat.created, chat.escalated, chat.forwarded_to_hr, chat.rated_low, chat.updated, export.completed, alert.fired, alert.resolved (chat.rated_low: a rating of 2 or less) */
                        events?: ("chat.created" | "chat.escalated" | "chat.forwarded_to_hr" | "chat.rated_low" | "chat.updated" | "export.completed" | "alert.fired" | "alert.resolved")[];
                        description?: string;
                        /** @description Chat events carry the chat's title, transcript link and first 100 messages (default false: metadata only; never the IP address) */
                        include_content?: boolean;
                        /** @description false: no events are queued or sent; true re-enables (also one the server disabled), and its queued events are sent */
                        enabled?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            url: string;
                            description: string;
                            events: ("chat.created" | "chat.escalated" | "chat.forwarded_to_hr" | "chat.rated_low" | "chat.updated" | "export.completed" | "alert.fired" | "alert.resolved")[];
                            include_content: boolean;
                            enabled: boolean;
                            /** @description Why the server disabled it (a day of failed deliveries) */
                            disabled_reason: string | null;
                            /** Format: date-time */
                            disabled_at: string | null;
                            /**
                             * Format: date-time
                             * @description First failed attempt since the last success
                             */
                            failing_since: string | null;
                            /**
                             * Format: date-time
                             * @description Until then the previous secret signs too
                             */
                            previous_secret_expires_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/webhooks/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the signing secret (admin); the old one keeps signing beside it during the overlap */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Numeric id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description How long the old secret keeps signing beside the new one (default 86400: a day) */
                        overlap_seconds?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The new signing secret. Shown only here. */
                            secret: string;
                            /** Format: date-time */
                            previous_secret_expires_at: string | null;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queue a test event (type webhook.test) for this endpoint (admin); see it in the deliveries */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Numeric id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            event_id: number;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The delivery log of an endpoint (admin): one row per attempt, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description 1 to 100 (default 50) */
                    limit?: string;
                    /** @description next_cursor of the previous page */
                    cursor?: string;
                };
                header?: never;
                path: {
                    /** @description Numeric id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            deliveries: {
                                id: number;
                                event_id: number;
                                event_type: string;
                                /** @description The event's state now: pending, sending, delivered or failed */
                                event_status: string;
                                attempt: number;
                                url: string;
                                /** Format: date-time */
                                requested_at: string;
                                duration_ms: number;
                                response_status: number | null;
                                /** @description The first KiB of the answer */
                                response_body: string | null;
                                error: string | null;
                                success: boolean;
                            }[];
                            /** @description Pass as cursor for older deliveries; null on the last page */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attention": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What needs attention (the overview): firing alerts, and for admins the webhook endpoints the server disabled */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Endpoints the server disabled after a day of failures (admins only; empty for others) */
                            disabled_webhooks: {
                                id: number;
                                url: string;
                                description: string;
                                events: ("chat.created" | "chat.escalated" | "chat.forwarded_to_hr" | "chat.rated_low" | "chat.updated" | "export.completed" | "alert.fired" | "alert.resolved")[];
                                include_content: boolean;
                                enabled: boolean;
                                /** @description Why the server disabled it (a day of failed deliveries) */
                                disabled_reason: string | null;
                                /** Format: date-time */
                                disabled_at: string | null;
                                /**
                                 * Format: date-time
                                 * @description First failed attempt since the last success
                                 */
                                failing_since: string | null;
                                /**
                                 * Format: date-time
                                 * @description Until then the previous secret signs too
                                 */
                                previous_secret_expires_at: string | null;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                            /** @description Alert rules firing now */
                            firing_alerts: {
                                [key: string]: unknown;
                            }[];
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a delivery's event again, now (admin); same webhook-id */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Numeric id */
                    id: string;
                    /** @description Numeric id */
                    deliveryId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            event_id: number;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/what-changed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Why a metric changed between two periods: its change split over one or two dimensions into mix and rate effects
         * @description Period b is from/to (default: the last 30 days); period a is compare_from/compare_to (default: the same length just before). Takes tz and every filter of GET /api/v1/chats. Each segment: mix effect (more or fewer chats of that kind) plus rate effect (the metric changed within it) = its total effect; ranked by its size.
         */
        get: {
            parameters: {
                query: {
                    /** @description Start (inclusive): ISO 8601 with a zone, or a date (midnight in tz). Default: 30 days before to */
                    from?: string;
                    /** @description End (exclusive): ISO 8601 with a zone, or a date (midnight in tz). Default: now */
                    to?: string;
                    /** @description Comma-separated tags (compared in their stored, lowercase form) */
                    tags?: string;
                    /** @description all (default): chats with every tag; any: with at least one */
                    tags_mode?: "all" | "any";
                    /** @description Exact bot version; a comma-separated list matches any of the values */
                    bot_version?: string;
                    /** @description ISO 3166-1 alpha-2 country code; a comma-separated list matches any of the values */
                    country_code?: string;
                    /** @description ISO 639 language code; a comma-separated list matches any of the values */
                    language_code?: string;
                    /** @description Exact question category; a comma-separated list matches any of the values */
                    question_category?: string;
                    /** @description Sentiment (case-insensitive); a comma-separated list matches any of the values */
                    sentiment?: string;
                    is_escalated?: boolean;
                    is_forwarded_to_hr?: boolean;
                    session_id?: string;
                    /** @description The end user's id in the bot's system; in works-council mode the pseudonym shown instead (such as p_1f0c9a2b7d3e4f56) */
                    user_id?: number | string;
                    rating_min?: number;
                    rating_max?: number;
                    /** @description true: only rated chats; false: only unrated */
                    has_rating?: boolean;
                    /** @description Text in the title or in any message (substring, case-insensitive, any language) */
                    q?: string;
                    /** @description IANA time zone for day boundaries and buckets (daylight-saving changes included). Default: UTC */
                    tz?: string;
                    /** @description The metric whose change is explained */
                    metric: "chats" | "messages" | "rated_chats" | "total_tokens" | "escalation_rate" | "hr_forwarding_rate" | "avg_response_time" | "avg_rating" | "csat" | "avg_tokens";
                    /** @description One dimension, or two separated by a comma (default question_category): bot_version, country_code, is_escalated, is_forwarded_to_hr, language_code, question_category, sentiment, user_rating, tag */
                    by?: string;
                    /** @description Start of the period compared against (default: the period of the same length just before from) */
                    compare_from?: string;
                    /** @description End of the period compared against (default: from) */
                    compare_to?: string;
                    /** @description How many segments, largest effect first */
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            metric: string;
                            by: string[];
                            a: {
                                from: string;
                                to: string;
                                value: number | null;
                                /** @description Works-council mode: why these figures are null (fewer_than_k: fewer than k distinct end users; difference: a wider or less filtered figure differs from this one by fewer than k; complement: a split of these chats would leave fewer than k hidden; total_suppressed: the figures of the whole answer are hidden; outside_window: before the window the mode checks). Null: shown (always null when the mode is off) */
                                suppressed: ("fewer_than_k" | "difference" | "complement" | "total_suppressed" | "outside_window") | null;
                            };
                            b: {
                                from: string;
                                to: string;
                                value: number | null;
                                /** @description Works-council mode: why these figures are null (fewer_than_k: fewer than k distinct end users; difference: a wider or less filtered figure differs from this one by fewer than k; complement: a split of these chats would leave fewer than k hidden; total_suppressed: the figures of the whole answer are hidden; outside_window: before the window the mode checks). Null: shown (always null when the mode is off) */
                                suppressed: ("fewer_than_k" | "difference" | "complement" | "total_suppressed" | "outside_window") | null;
                            };
                            /** @description Works-council mode: its k; null when the mode is off */
                            works_council: {
                                /** @description The organization's k: figures describe at least k distinct end users */
                                k: number;
                            } | null;
                            /** @description b − a */
                            change: number | null;
                            /** @description The sum of every segment's effect */
                            explained: number;
                            /** @description change − explained: segments past the top 10 of the first dimension, and chats that did not send the field */
                            unexplained: number | null;
                            segments: {
                                key: {
                                    [key: string]: string | number | boolean;
                                };
                                a: {
                                    chats: number;
                                    value: number | null;
                                };
                                b: {
                                    chats: number;
                                    value: number | null;
                                };
                                /** @description Part of the change from the segment's share of chats changing */
                                mix_effect: number;
                                /** @description Part of the change from the metric changing within the segment */
                                rate_effect: number;
                                total_effect: number;
                                share_of_change: number | null;
                                /** @description The dashboard's chat explorer on this segment, over the days of period b */
                                explorer_url: string;
                            }[];
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization's alert rules and their states */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            rules: {
                                id: number;
                                name: string;
                                metric: string;
                                filters: {
                                    [key: string]: unknown;
                                };
                                window: string;
                                condition: string;
                                threshold: number | null;
                                min_volume: number;
                                enabled: boolean;
                                /**
                                 * @description ok → firing → resolved (→ firing …)
                                 * @enum {string}
                                 */
                                state: "ok" | "firing" | "resolved";
                                last_value: number | null;
                                last_message: string | null;
                                /**
                                 * Format: date-time
                                 * @description End of the last window evaluated
                                 */
                                last_evaluated_at: string | null;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an alert rule (admin) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /**
                         * @description A metric of the analytics API (see GET /api/v1/analytics/summary)
                         * @enum {string}
                         */
                        metric: "chats" | "end_users" | "messages" | "escalation_rate" | "hr_forwarding_rate" | "avg_response_time" | "p50_response_time" | "p90_response_time" | "avg_rating" | "rated_chats" | "csat" | "total_tokens" | "avg_tokens";
                        /** @description The filters of GET /api/v1/chats */
                        filters?: {
                            /** @description created_at ≥ from: ISO 8601 with a zone ("2026-01-31T00:00:00Z") or a date ("2026-01-31", midnight UTC) */
                            from?: string;
                            /** @description created_at < to (same forms as from) */
                            to?: string;
                            /** @description Comma-separated tags (compared in their stored, lowercase form) */
                            tags?: string | string[];
                            /**
                             * @description all (default): chats with every tag; any: with at least one
                             * @enum {string}
                             */
                            tags_mode?: "all" | "any";
                            /** @description Exact bot version; a comma-separated list matches any of the values */
                            bot_version?: string | string[];
                            /** @description ISO 3166-1 alpha-2 country code; a comma-separated list matches any of the values */
                            country_code?: string | string[];
                            /** @description ISO 639 language code; a comma-separated list matches any of the values */
                            language_code?: string | string[];
                            /** @description Exact question category; a comma-separated list matches any of the values */
                            question_category?: string | string[];
                            /** @description Sentiment (case-insensitive); a comma-separated list matches any of the values */
                            sentiment?: string | string[];
                            is_escalated?: boolean;
                            is_forwarded_to_hr?: boolean;
                            session_id?: string;
                            /** @description The end user's id in the bot's system; in works-council mode the pseudonym shown instead (such as p_1f0c9a2b7d3e4f56) */
                            user_id?: number | string;
                            rating_min?: number;
                            rating_max?: number;
                            /** @description true: only rated chats; false: only unrated */
                            has_rating?: boolean;
                            /** @description Text in the title or in any message (substring, case-insensitive, any language) */
                            q?: string;
                        };
                        /**
                         * @description hour, day (24 h) or week (7 days), ending at the last whole hour
                         * @enum {string}
                         */
                        window: "hour" | "day" | "week";
                        /**
                         * @description above / below threshold; unusual: outside the robust baseline of the same weekday and hour over the previous 8 weeks (at least 4 of them with min_volume chats)
                         * @enum {string}
                         */
                        condition: "above" | "below" | "unusual";
                        /** @description For above and below: the value to compare with (rates are fractions 0–1) */
                        threshold?: number | null;
                        /** @description Fewer chats than this in a window: not judged (default 20) */
                        min_volume?: number;
                        enabled?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            metric: string;
                            filters: {
                                [key: string]: unknown;
                            };
                            window: string;
                            condition: string;
                            threshold: number | null;
                            min_volume: number;
                            enabled: boolean;
                            /**
                             * @description ok → firing → resolved (→ firing …)
                             * @enum {string}
                             */
                            state: "ok" | "firing" | "resolved";
                            last_value: number | null;
                            last_message: string | null;
                            /**
                             * Format: date-time
                             * @description End of the last window evaluated
                             */
                            last_evaluated_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An alert rule */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Numeric id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            metric: string;
                            filters: {
                                [key: string]: unknown;
                            };
                            window: string;
                            condition: string;
                            threshold: number | null;
                            min_volume: number;
                            enabled: boolean;
                            /**
                             * @description ok → firing → resolved (→ firing …)
                             * @enum {string}
                             */
                            state: "ok" | "firing" | "resolved";
                            last_value: number | null;
                            last_message: string | null;
                            /**
                             * Format: date-time
                             * @description End of the last window evaluated
                             */
                            last_evaluated_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete an alert rule and its history (admin) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Numeric id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change an alert rule (admin); a changed definition starts again from ok */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Numeric id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /**
                         * @description A metric of the analytics API (see GET /api/v1/analytics/summary)
                         * @enum {string}
                         */
                        metric?: "chats" | "end_users" | "messages" | "escalation_rate" | "hr_forwarding_rate" | "avg_response_time" | "p50_response_time" | "p90_response_time" | "avg_rating" | "rated_chats" | "csat" | "total_tokens" | "avg_tokens";
                        /** @description The filters of GET /api/v1/chats */
                        filters?: {
                            /** @description created_at ≥ from: ISO 8601 with a zone ("2026-01-31T00:00:00Z") or a date ("2026-01-31", midnight UTC) */
                            from?: string;
                            /** @description created_at < to (same forms as from) */
                            to?: string;
                            /** @description Comma-separated tags (compared in their stored, lowercase form) */
                            tags?: string | string[];
                            /**
                             * @description all (default): chats with every tag; any: with at least one
                             * @enum {string}
                             */
                            tags_mode?: "all" | "any";
                            /** @description Exact bot version; a comma-separated list matches any of the values */
                            bot_version?: string | string[];
                            /** @description ISO 3166-1 alpha-2 country code; a comma-separated list matches any of the values */
                            country_code?: string | string[];
                            /** @description ISO 639 language code; a comma-separated list matches any of the values */
                            language_code?: string | string[];
                            /** @description Exact question category; a comma-separated list matches any of the values */
                            question_category?: string | string[];
                            /** @description Sentiment (case-insensitive); a comma-separated list matches any of the values */
                            sentiment?: string | string[];
                            is_escalated?: boolean;
                            is_forwarded_to_hr?: boolean;
                            session_id?: string;
                            /** @description The end user's id in the bot's system; in works-council mode the pseudonym shown instead (such as p_1f0c9a2b7d3e4f56) */
                            user_id?: number | string;
                            rating_min?: number;
                            rating_max?: number;
                            /** @description true: only rated chats; false: only unrated */
                            has_rating?: boolean;
                            /** @description Text in the title or in any message (substring, case-insensitive, any language) */
                            q?: string;
                        };
                        /**
                         * @description hour, day (24 h) or week (7 days), ending at the last whole hour
                         * @enum {string}
                         */
                        window?: "hour" | "day" | "week";
                        /**
                         * @description above / below threshold; unusual: outside the robust baseline of the same weekday and hour over the previous 8 weeks (at least 4 of them with min_volume chats)
                         * @enum {string}
                         */
                        condition?: "above" | "below" | "unusual";
                        /** @description For above and below: the value to compare with (rates are fractions 0–1) */
                        threshold?: number | null;
                        /** @description Fewer chats than this in a window: not judged (default 20) */
                        min_volume?: number;
                        enabled?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            metric: string;
                            filters: {
                                [key: string]: unknown;
                            };
                            window: string;
                            condition: string;
                            threshold: number | null;
                            min_volume: number;
                            enabled: boolean;
                            /**
                             * @description ok → firing → resolved (→ firing …)
                             * @enum {string}
                             */
                            state: "ok" | "firing" | "resolved";
                            last_value: number | null;
                            last_message: string | null;
                            /**
                             * Format: date-time
                             * @description End of the last window evaluated
                             */
                            last_evaluated_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/alerts/rules/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** When the rule fired and resolved, newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Numeric id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            history: {
                                id: number;
                                /** @description firing or resolved */
                                state: string;
                                value: number | null;
                                message: string;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/rules/{id}/evaluate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Evaluate the rule's last whole window now (admin), as the schedule would */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Numeric id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            metric: string;
                            filters: {
                                [key: string]: unknown;
                            };
                            window: string;
                            condition: string;
                            threshold: number | null;
                            min_volume: number;
                            enabled: boolean;
                            /**
                             * @description ok → firing → resolved (→ firing …)
                             * @enum {string}
                             */
                            state: "ok" | "firing" | "resolved";
                            last_value: number | null;
                            last_message: string | null;
                            /**
                             * Format: date-time
                             * @description End of the last window evaluated
                             */
                            last_evaluated_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
