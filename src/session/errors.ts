/** A recorded session that cannot be used as asked; its message stands alone. */
export class SessionError extends Error {}
