// Track a signup and read the profile back from a running `omni up`:
//   OMNI_API_KEY=$(cat data/admin.key) node dist/examples/quickstart.js
import { randomUUID } from 'node:crypto';
import { connect, localEndpoints, unary } from '../src';

async function main(): Promise<void> {
  const omni = connect(localEndpoints(), process.env.OMNI_API_KEY ?? '');
  try {
    const tracked = await unary(omni.identity.track.bind(omni.identity), {
      event: {
        eventId: randomUUID(),
        type: 'signup',
        identifiers: [{ type: 'IDENTIFIER_TYPE_EMAIL', value: 'Ann@Example.com' }],
        traits: { fields: { first_name: { stringValue: 'Ann' } } },
      },
    });
    const profile = await unary(omni.identity.getProfile.bind(omni.identity), { customerId: tracked.customerId });
    console.log(tracked.customerId, JSON.stringify(profile));
  } finally {
    omni.close();
  }
}

void main();
