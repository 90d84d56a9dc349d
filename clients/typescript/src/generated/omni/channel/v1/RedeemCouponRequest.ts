// Original file: omni/channel/v1/channel.proto


export interface RedeemCouponRequest {
  'code'?: (string);
  'storeId'?: (string);
  'idempotencyKey'?: (string);
  'customerId'?: (string);
}

export interface RedeemCouponRequest__Output {
  'code': (string);
  'storeId': (string);
  'idempotencyKey': (string);
  'customerId': (string);
}
