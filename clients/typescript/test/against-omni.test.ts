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
