// Original file: omni/identity/v1/identity.proto


export interface ExportCustomerRequest {
  'customerId'?: (string);
}

export interface ExportCustomerRequest__Output {
  'customerId': (string);
}
