// Original file: omni/insights/v1/insights.proto

import type { Long } from '@grpc/proto-loader';

export interface Kpis {
  'sent'?: (number | string | Long);
  'delivered'?: (number | string | Long);
  'opened'?: (number | string | Long);
  'clicked'?: (number | string | Long);
  'converted'?: (number | string | Long);
  'unsubscribed'?: (number | string | Long);
  'bounced'?: (number | string | Long);
  'openRate'?: (number | string);
  'clickRate'?: (number | string);
  'clickToOpenRate'?: (number | string);
  'conversionRate'?: (number | string);
  'unsubscribeRate'?: (number | string);
  'bounceRate'?: (number | string);
  'revenue'?: (number | string);
  'revenuePerRecipient'?: (number | string);
  'cost'?: (number | string);
  'cac'?: (number | string);
  'roas'?: (number | string);
  'roi'?: (number | string);
  'complained'?: (number | string | Long);
}

export interface Kpis__Output {
  'sent': (string);
  'delivered': (string);
  'opened': (string);
  'clicked': (string);
  'converted': (string);
  'unsubscribed': (string);
  'bounced': (string);
  'openRate': (number);
  'clickRate': (number);
  'clickToOpenRate': (number);
  'conversionRate': (number);
  'unsubscribeRate': (number);
  'bounceRate': (number);
  'revenue': (number);
  'revenuePerRecipient': (number);
  'cost': (number);
  'cac': (number);
  'roas': (number);
  'roi': (number);
  'complained': (string);
}
