/** RFC 9068 §2.1: access tokens are typed `at+jwt` so an ID token or other JWT cannot stand in. */
export const ACCESS_TOKEN_TYPE = 'at+jwt'
