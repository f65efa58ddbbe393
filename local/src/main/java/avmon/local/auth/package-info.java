/** Request signing checks shared by the local services that are not S3 (S3Proxy checks its own). */
package avmon.local.auth;
