/**
 * The user id the lake reports as the author of every change (`identity` in listen events).
 * The lake has one user: whoever holds its token.
 */
export const LOCAL_LAKE_USER_ID = 'local-editor'
