/**
 * What the machines tell the runtime that hosts them (the `report` action, provided by the host):
 * plain data only, so reports can be logged and inspected. The facade turns them into user events
 * and settles promises.
 *
 * @module
 */

/** A plain error description (no class instances in machine events). */
export interface ErrorInfo {
  readonly code: string;
  readonly message: string;
  readonly bfxCode?: number;
}

/** Everything a connection or the supervisor reports. */
export type RuntimeReport =
  | { readonly kind: 'connecting'; readonly index: number; readonly attempt: number }
  | { readonly kind: 'open'; readonly index: number; readonly attempts: number; readonly downtimeMs: number | null }
  | { readonly kind: 'disconnected'; readonly index: number; readonly code: number; readonly reason: string }
  | { readonly kind: 'reconnecting'; readonly index: number; readonly attempt: number; readonly delayMs: number }
  | { readonly kind: 'closed'; readonly index: number; readonly code: number; readonly reason: string; readonly error?: ErrorInfo }
  | { readonly kind: 'maintenance'; readonly index: number; readonly active: boolean }
  | { readonly kind: 'subscribed'; readonly index: number; readonly subId: string; readonly chanId: number }
  | { readonly kind: 'sub-failed'; readonly index: number; readonly subId: string; readonly error: ErrorInfo }
  | { readonly kind: 'unsubscribed'; readonly index: number; readonly subId: string }
  | { readonly kind: 'routed'; readonly index: number; readonly subId: string }
  | { readonly kind: 'rejected'; readonly subId: string; readonly error: ErrorInfo }
  | { readonly kind: 'error'; readonly index: number; readonly error: ErrorInfo };

/** The kinds of {@link RuntimeReport}. */
export type RuntimeReportKind = RuntimeReport['kind'];
