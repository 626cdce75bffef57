/**
 * Bitfinex Pulse (social) models: profiles and messages. A message carries its author's profile
 * nested at index 18 as `[[...profile]]`.
 *
 * @module
 */
import { defineModel, nested } from './define.js';

/** `GET pulse/profile/{nickname}`; also nested in {@link PulseMessage}. */
export const PulseProfile = defineModel('PulseProfile', [
  ['puid', 'string'],
  ['mts', 'number'],
  null,
  ['nickname', 'string'],
  null,
  ['picture', 'string?'],
  ['text', 'string?'],
  null,
  null,
  ['twitterHandle', 'string?'],
  null,
  ['followers', 'number?'],
  ['following', 'number?'],
  null,
  null,
  null,
  ['tippingStatus', 'number?'],
] as const);

/** `GET pulse/hist` / `auth/r/pulse/hist` row; `profile` is decoded with {@link PulseProfile}. */
export const PulseMessage = defineModel('PulseMessage', [
  ['pid', 'string'],
  ['mts', 'number'],
  null,
  ['puid', 'string'],
  null,
  ['title', 'string?'],
  ['content', 'string'],
  null,
  null,
  ['isPin', 'number?'],
  ['isPublic', 'number?'],
  ['commentsDisabled', 'number?'],
  ['tags', 'array?'],
  ['attachments', 'array?'],
  ['meta', 'array?'],
  ['likes', 'number?'],
  null,
  null,
  ['profile', nested(PulseProfile, { wrapped: true })],
  ['comments', 'number?'],
  null,
  null,
] as const);
