/**
 * Bitfinex Pulse (social) models: profiles and messages. A message carries its author's profile
 * nested at index 18 as `[[...profile]]`.
 *
 * @module
 */
import { defineModel, fieldsOf, nested } from './define.js';

/** `GET pulse/profile/{nickname}`; also nested in {@link PulseMessage}. */
export const PulseProfile = defineModel('PulseProfile', fieldsOf('puid:s mts _ nickname:s _ picture:s? text:s? _ _ twitterHandle:s? _ followers? following? _ _ _ tippingStatus?'));

/** `GET pulse/hist` / `auth/r/pulse/hist` row; `profile` is decoded with {@link PulseProfile}. */
export const PulseMessage = defineModel('PulseMessage', [...fieldsOf('pid:s mts _ puid:s _ title:s? content:s _ _ isPin? isPublic? commentsDisabled? tags:a? attachments:a? meta:a? likes? _ _'), ['profile', nested(PulseProfile, { wrapped: true })], ...fieldsOf('comments? _ _')] as const);
