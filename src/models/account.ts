/**
 * Account models: user info and login history.
 *
 * @module
 */
import { defineModel, fieldsOf } from './define.js';

/**
 * `auth/r/info/user` (55 fields). `timeLastLogin` has been seen both as ms and as an ISO string,
 * so it stays `unknown`.
 */
export const UserInfo = defineModel('UserInfo', fieldsOf('id email:s username:s mtsAccountCreate? verified? verificationLevel? _ timezone:s? locale:s? company:s? emailVerified? _ _ _ mtsMasterAccountCreate? groupId? masterAccountId? inheritMasterAccountVerification? isGroupMaster? groupWithdrawEnabled? _ _ _ pptEnabled? merchantEnabled? competitionEnabled? twoFactorsAuthenticationModes:a? _ _ _ _ _ _ _ isSecuritiesMaster? _ _ _ securitiesEnabled? allowDisableCtxswitch? _ _ _ _ timeLastLogin:u _ _ ctxtswitchDisabled? _ compCountries:a? complCountriesResid:a? _ _ _ isMerchantEnterprise?'));

/** `auth/r/logins/hist` row `[ID, _, TIME, _, IP, _, _, EXTRA_INFO]` (EXTRA_INFO: JSON string or object). */
export const LoginHistory = defineModel('LoginHistory', fieldsOf('id _ time _ ip:s _ _ extraInfo:u'));
