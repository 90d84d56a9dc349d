// Original file: omni/identity/v1/identity.proto


export interface ExportCustomerResponse {
  'json'?: (string);
}

export interface ExportCustomerResponse__Output {
  'json': (string);
}
