import { Link, useSearchParams } from 'react-router-dom';
import { DELIVERY_PAGE_SIZE, useChannelOptions, useDeliveries } from '../../api/notifications';
import { PagedList } from '../../components/paged-list';
import { DELIVERIES_PATH } from '../../paths/page-paths';
import { DeliveriesTable } from './deliveries-table';
import { deliveryViewParams, parseDeliveryView } from './delivery-filter-values';
import { DeliveryFilters } from './delivery-filters';
import { NotificationsHeader } from './notifications-header';
import './notifications.css';

/**
 * Every event sent to a channel, newest first, 50 to a page, with each attempt; the filters and the page are
 * kept in the address. The page is read again every few seconds while a delivery on it is pending.
 */
export function DeliveriesPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const { filters, offset } = parseDeliveryView(searchParams);
  const deliveries = useDeliveries(filters, offset);
  const channels = useChannelOptions();
  const filtered = Object.keys(filters).length > 0;

  return (
    <>
      <NotificationsHeader />
      <DeliveryFilters
        filters={filters}
        channels={channels.data?.items ?? []}
        onChange={(next) => setSearchParams(deliveryViewParams({ filters: next, offset: 0 }))}
      />
      <PagedList
        query={deliveries}
        loading="Loading the delivery log…"
        empty={
          <p className="panel">
            {filtered ? (
              <>
                No deliveries match these filters. <Link to={DELIVERIES_PATH}>Show all deliveries</Link>.
              </>
            ) : (
              'Nothing has been sent yet. Test a channel to see its message here.'
            )}
          </p>
        }
        noun="deliveries"
        firstPagePath={DELIVERIES_PATH}
        label="Deliveries"
        offset={offset}
        pageSize={DELIVERY_PAGE_SIZE}
        onOffsetChange={(next) => setSearchParams(deliveryViewParams({ filters, offset: next }))}
      >
        {(items) => <DeliveriesTable deliveries={items} />}
      </PagedList>
    </>
  );
}
