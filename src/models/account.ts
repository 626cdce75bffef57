/**
 * Account models: user info and login history.
 *
 * @module
 */
import { defineModel } from './define.js';

/**
 * `auth/r/info/user` (55 fields). `timeLastLogin` has been seen both as ms and as an ISO string,
 * so it stays `unknown`.
 */
export const UserInfo = defineModel('UserInfo', [
  ['id', 'number'],
  ['email', 'string'],
  ['username', 'string'],
  ['mtsAccountCreate', 'number?'],
  ['verified', 'number?'],
  ['verificationLevel', 'number?'],
  null,
  ['timezone', 'string?'],
  ['locale', 'string?'],
  ['company', 'string?'],
  ['emailVerified', 'number?'],
  null,
  null,
  null,
  ['mtsMasterAccountCreate', 'number?'],
  ['groupId', 'number?'],
  ['masterAccountId', 'number?'],
  ['inheritMasterAccountVerification', 'number?'],
  ['isGroupMaster', 'number?'],
  ['groupWithdrawEnabled', 'number?'],
  null,
  null,
  null,
  ['pptEnabled', 'number?'],
  ['merchantEnabled', 'number?'],
  ['competitionEnabled', 'number?'],
  ['twoFactorsAuthenticationModes', 'array?'],
  null,
  null,
  null,
  null,
  null,
  null,
  null,
  ['isSecuritiesMaster', 'number?'],
  null,
  null,
  null,
  ['securitiesEnabled', 'number?'],
  ['allowDisableCtxswitch', 'number?'],
  null,
  null,
  null,
  null,
  ['timeLastLogin', 'unknown'],
  null,
  null,
  ['ctxtswitchDisabled', 'number?'],
  null,
  ['compCountries', 'array?'],
  ['complCountriesResid', 'array?'],
  null,
  null,
  null,
  ['isMerchantEnterprise', 'number?'],
] as const);

/** `auth/r/logins/hist` row `[ID, _, TIME, _, IP, _, _, EXTRA_INFO]` (EXTRA_INFO: JSON string or object). */
export const LoginHistory = defineModel('LoginHistory', [
  ['id', 'number'],
  null,
  ['time', 'number'],
  null,
  ['ip', 'string'],
  null,
  null,
  ['extraInfo', 'unknown'],
] as const);
