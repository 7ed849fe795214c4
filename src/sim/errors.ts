/** Errors shaped like OfficeExtension.Error (name, code, message, debugInfo), as Excel raises them. */

export interface SimDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
}

export class SimOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: SimDebugInfo;
  readonly traceMessages: string[] = [];
  readonly innerError: null = null;

  constructor(code: string, message: string, debugInfo?: Partial<SimDebugInfo>) {
    super(message);
    // Office.js reports "RichApi.Error" for host-side failures.
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, ...debugInfo };
  }
}

/** Real error codes (OfficeExtension.ErrorCodes and Excel.ErrorCodes). */
export const SIM_ERROR = {
  accessDenied: 'AccessDenied',
  connectionFailure: 'ConnectionFailure',
  generalException: 'GeneralException',
  invalidArgument: 'InvalidArgument',
  invalidOperation: 'InvalidOperation',
  invalidOperationInCellEditMode: 'InvalidOperationInCellEditMode',
  itemAlreadyExists: 'ItemAlreadyExists',
  itemNotFound: 'ItemNotFound',
  propertyNotLoaded: 'PropertyNotLoaded',
  requestPayloadSizeLimitExceeded: 'RequestPayloadSizeLimitExceeded',
  responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
  invalidObjectPath: 'InvalidObjectPath',
} as const;

/** What Office.js throws when code reads a property that was not loaded and synced. */
export function propertyNotLoaded(property: string, objectPath: string): SimOfficeError {
  return new SimOfficeError(
    SIM_ERROR.propertyNotLoaded,
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    { errorLocation: `${objectPath}.${property}` },
  );
}
