// The generated TypeScript client against a running suite (`clients/test-against-omni`).
// Needs OMNI_CLIENT_ENDPOINTS (`identity=host:port,segment=...`) and OMNI_CLIENT_KEY.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';

import { connect, Endpoints, OmniClients, unary } from '../src';

function endpoints(): Endpoints {
  const raw = process.env.OMNI_CLIENT_ENDPOINTS;
  if (!raw) throw new Error('OMNI_CLIENT_ENDPOINTS is not set: run clients/test-against-omni');
  return Object.fromEntries(raw.split(',').map((p) => p.split('=', 2))) as unknown as Endpoints;
}

const HOUR = 3600;
const WEEK = 7 * 24 * HOUR;

/** An insights time range [start, end) in unix seconds. */
function timeRange(start: number, end: number) {
  return { startTime: { seconds: start }, endTime: { seconds: end } };
}

function client(key = process.env.OMNI_CLIENT_KEY ?? ''): OmniClients {
  return connect(endpoints(), key);
}

test('track, read the profile, enrol in a journey, list messages', async () => {
  const omni = client();
  try {
    const suffix = randomUUID().slice(0, 8);
    const email = `ts-${suffix}@example.com`;
    const tracked = await unary(omni.identity.track.bind(omni.identity), {
      event: {
        eventId: `ts-signup-${suffix}`,
        type: 'signup',
        identifiers: [{ type: 'IDENTIFIER_TYPE_EMAIL', value: email }],
        traits: { fields: { first_name: { stringValue: 'Tia' } } },
      },
    });
    assert.ok(tracked.customerId);
    assert.equal(tracked.duplicate, false);

    const profile = await unary(
      omni.identity.getProfile.bind(omni.identity),
      { customerId: tracked.customerId },
    );
    assert.equal(profile.profile?.traits?.fields.first_name.stringValue, 'Tia');
    assert.ok(profile.profile?.identifiers.some((i) => i.value === email));

    const template = await unary(
      omni.channel.createTemplate.bind(omni.channel),
      {
        template: {
          displayName: `ts ${suffix}`,
          channel: 'DELIVERY_CHANNEL_EMAIL',
          subject: 'Hello {{ profile.first_name }}',
          body: 'Hi {{ profile.first_name }}, welcome.',
        },
      },
    );
    const journey = await unary(
      omni.journey.createJourney.bind(omni.journey),
      {
        journey: {
          displayName: `ts ${suffix}`,
          nodes: [
            { nodeId: 'in', nextNodeId: 'send', entry: { eventType: `never-${suffix}` } },
            {
              nodeId: 'send',
              send: { channel: 'DELIVERY_CHANNEL_EMAIL', templateId: template.template?.templateId },
            },
          ],
        },
      },
    );
    const journeyId = journey.journey?.journeyId ?? '';
    await unary(omni.journey.publishJourney.bind(omni.journey), {
      journeyId,
    });
    const enrolled = await unary(
      omni.journey.enrollCustomer.bind(omni.journey),
      { journeyId, customerId: tracked.customerId, idempotencyKey: `ts-enrol-${suffix}` },
    );
    assert.equal(enrolled.run?.customerId, tracked.customerId);
    assert.equal(enrolled.duplicate, false);

    const deadline = Date.now() + 30_000;
    for (;;) {
      const listed = await unary(
        omni.channel.listMessages.bind(omni.channel),
        { customerId: tracked.customerId },
      );
      if (listed.messages.some((m) => m.status === 'MESSAGE_STATUS_SENT')) {
        assert.equal(listed.messages[0].channel, 'DELIVERY_CHANNEL_EMAIL');
        break;
      }
      assert.ok(Date.now() < deadline, `no sent message yet: ${JSON.stringify(listed.messages)}`);
      await new Promise((r) => setTimeout(r, 200));
    }

    // Insights: price email, then read the journey's KPIs per channel once the
    // `message.sent` event has reached insights over the bus; the cost is the price.
    const priced = await unary(omni.insights.setChannelCost.bind(omni.insights), {
      channel: 'email',
      costPerMessage: 0.5,
    });
    assert.deepEqual([priced.channel, priced.costPerMessage], ['email', 0.5]);
    const hour = Math.floor(Date.now() / 1000 / HOUR) * HOUR;
    const request = {
      range: timeRange(hour - HOUR, hour + 2 * HOUR),
      groupBy: 'DIMENSION_CHANNEL' as const,
      filter: { journeyId },
    };
    const kpiDeadline = Date.now() + 30_000;
    let kpis;
    for (;;) {
      kpis = await unary(omni.insights.getKpis.bind(omni.insights), request);
      if (Number(kpis.total?.current?.sent ?? 0) >= 1) break;
      assert.ok(Date.now() < kpiDeadline, `insights has not seen the send yet: ${JSON.stringify(kpis)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.deepEqual(kpis.rows.map((r) => r.key), ['email']);
    assert.equal(kpis.rows[0].current?.sent, '1');
    assert.equal(kpis.rows[0].current?.cost, 0.5);
    assert.equal(kpis.rows[0].previous?.sent, '0');
    assert.equal(kpis.total?.current?.sent, '1');
    assert.equal(kpis.total?.current?.cost, 0.5);
    assert.equal(kpis.previousRange?.startTime?.seconds, String(hour - HOUR - WEEK));
    assert.equal(kpis.previousRange?.endTime?.seconds, String(hour + 2 * HOUR - WEEK));
  } finally {
    omni.close();
  }
});

test('insights: KPIs of a quiet period, and a missing range refused', async () => {
  const omni = client();
  try {
    // A day with no traffic: a zero total, no rows, the week before as previous period.
    const start = Date.UTC(2020, 0, 1) / 1000;
    const kpis = await unary(omni.insights.getKpis.bind(omni.insights), {
      range: timeRange(start, start + 24 * HOUR),
      groupBy: 'DIMENSION_JOURNEY',
    });
    assert.deepEqual(kpis.rows, []);
    assert.ok(kpis.total);
    assert.equal(kpis.total.key, '');
    assert.equal(kpis.total.current?.sent, '0');
    assert.equal(kpis.total.current?.openRate, 0);
    assert.deepEqual(kpis.total.relativeChange, {});
    assert.equal(kpis.previousRange?.startTime?.seconds, String(start - WEEK));
    assert.equal(kpis.previousRange?.endTime?.seconds, String(start + 24 * HOUR - WEEK));

    await assert.rejects(
      unary(omni.insights.getKpis.bind(omni.insights), {}),
      (err: grpc.ServiceError) => err.code === grpc.status.INVALID_ARGUMENT && err.details.includes('range'),
    );
  } finally {
    omni.close();
  }
});

test('bad input and a missing key are refused with the right codes', async () => {
  const omni = client();
  const stranger = client('not-a-key');
  try {
    await assert.rejects(
      unary(omni.identity.track.bind(omni.identity), { event: { type: 'signup' } }),
      (err: grpc.ServiceError) => err.code === grpc.status.INVALID_ARGUMENT && err.details.includes('event_id'),
    );
    await assert.rejects(
      unary(stranger.identity.getProfile.bind(stranger.identity), { customerId: 'c_x' }),
      (err: grpc.ServiceError) => err.code === grpc.status.UNAUTHENTICATED,
    );
  } finally {
    omni.close();
    stranger.close();
  }
});

test('a created key carries its role until revoked', async () => {
  const omni = client();
  try {
    const created = await unary(omni.access.createApiKey.bind(omni.access), {
      name: 'ts analyst',
      role: 'ROLE_ANALYST',
    });
    assert.ok(created.secret.startsWith('omk_'));
    const { keys } = await unary(omni.access.listApiKeys.bind(omni.access), {});
    const key = keys.find((k) => k.keyId === created.key?.keyId);
    assert.ok(key && created.secret.startsWith(key.secretPrefix) && key.secretPrefix.length < created.secret.length);
    const analyst = client(created.secret);
    try {
      await assert.rejects(
        unary(analyst.identity.getIdentityRules.bind(analyst.identity), {}),
        (err: grpc.ServiceError) =>
          err.code === grpc.status.PERMISSION_DENIED &&
          err.details === 'permission `rules.read` denied to role `analyst`',
      );
      await unary(omni.access.revokeApiKey.bind(omni.access), { keyId: created.key?.keyId ?? '' });
      await assert.rejects(
        unary(analyst.identity.getProfile.bind(analyst.identity), { customerId: 'c_x' }),
        (err: grpc.ServiceError) => err.code === grpc.status.UNAUTHENTICATED,
      );
    } finally {
      analyst.close();
    }
  } finally {
    omni.close();
  }
});
