// Original file: omni/channel/v1/channel.proto


export interface GetCouponRequest {
  'code'?: (string);
}

export interface GetCouponRequest__Output {
  'code': (string);
}
