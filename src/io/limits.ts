/**
 * One bound for every record reader (NDJSON line, CSV record): a longer record is rejected unread,
 * so one endless line or quoted field cannot eat the memory. Real log records are a few hundred bytes.
 */
export const MAX_RECORD_BYTES = 8 << 20;

export const MAX_RECORD_LABEL = `${MAX_RECORD_BYTES >> 20} MiB`;
