// Original file: omni/decisioning/v1/decisioning.proto


export interface AssignVariantRequest {
  'experimentId'?: (string);
  'customerId'?: (string);
}

export interface AssignVariantRequest__Output {
  'experimentId': (string);
  'customerId': (string);
}
