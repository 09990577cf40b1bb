import { deliveryViewParams, parseDeliveryView } from './delivery-filter-values';

describe('parseDeliveryView', () => {
  it('reads the filters and the page from the address', () => {
    expect(parseDeliveryView(new URLSearchParams('channel_id=3&event=test&status=failed&offset=50'))).toEqual({
      filters: { channel_id: 3, event: 'test', status: 'failed' },
      offset: 50,
    });
  });

  it('ignores what the API does not know', () => {
    expect(parseDeliveryView(new URLSearchParams('channel_id=-1&event=nope&status=lost&offset=x'))).toEqual({ filters: {}, offset: 0 });
    expect(parseDeliveryView(new URLSearchParams('channel_id=1.5'))).toEqual({ filters: {}, offset: 0 });
  });
});

describe('deliveryViewParams', () => {
  it('writes the filters and page given, and nothing for the rest', () => {
    expect(deliveryViewParams({ filters: { channel_id: 3, event: 'backup.failed', status: 'pending' }, offset: 50 })).toEqual({
      channel_id: '3',
      event: 'backup.failed',
      status: 'pending',
      offset: '50',
    });
    expect(deliveryViewParams({ filters: {}, offset: 0 })).toEqual({});
  });
});
