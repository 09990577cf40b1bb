import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Page } from '../platform/http/envelope';
import { PageQueryDto } from '../platform/http/page-query.dto';
import { SuccessMessage } from '../platform/http/success-message.decorator';
import { ApiEnvelope, ApiErrors, ApiNoContent } from '../platform/openapi/api-responses';
import { NotificationChannelsService } from './channels/notification-channels.service';
import { NotificationCatalogDto, NotificationServiceDto } from './dto/notification-catalog.dto';
import { NotificationChannelDto, NotificationChannelInputDto, NotificationChannelUpdateDto } from './dto/notification-channel.dto';
import { ChannelTestResultDto, DeliveryQueryDto, NotificationDeliveryDto } from './dto/notification-delivery.dto';
import { NotificationsService } from './notifications.service';
import { Requires } from '../auth/roles/requires.decorator';
import { IdPipe } from '../platform/http/id.pipe';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly channels: NotificationChannelsService,
    private readonly notifications: NotificationsService,
  ) {}

  @Requires('viewer')
  @Get('events')
  @ApiOperation({ summary: 'The events channels can subscribe to, and the placeholders of message templates' })
  @ApiEnvelope(NotificationCatalogDto)
  catalog(): NotificationCatalogDto {
    return this.notifications.catalog();
  }

  @Requires('viewer')
  @Get('providers')
  @ApiOperation({ summary: 'Common Apprise services as form fields, and how their Apprise URL is made from them' })
  @ApiEnvelope(NotificationServiceDto, { isArray: true })
  providers(): NotificationServiceDto[] {
    return this.notifications.services();
  }

  @Requires('viewer')
  @Get('channels')
  @ApiOperation({ summary: 'List notification channels (secrets never shown)' })
  @ApiEnvelope(NotificationChannelDto, { paginated: true })
  @ApiErrors(400)
  list(@Query() query: PageQueryDto): Promise<Page<NotificationChannelDto>> {
    return this.channels.list(query);
  }

  @Requires('admin')
  @Post('channels')
  @SuccessMessage('Notification channel created')
  @ApiOperation({ summary: 'Create a notification channel' })
  @ApiEnvelope(NotificationChannelDto, { status: 201 })
  @ApiErrors(409, 422)
  create(@Body() body: NotificationChannelInputDto): Promise<NotificationChannelDto> {
    return this.channels.create(body);
  }

  @Requires('viewer')
  @Get('channels/:id')
  @ApiOperation({ summary: 'One notification channel' })
  @ApiEnvelope(NotificationChannelDto)
  @ApiErrors(400, 404)
  get(@Param('id', IdPipe) id: number): Promise<NotificationChannelDto> {
    return this.channels.get(id);
  }

  @Requires('admin')
  @Put('channels/:id')
  @SuccessMessage('Notification channel updated')
  @ApiOperation({ summary: 'Change a channel; secrets left out of config keep their stored values' })
  @ApiEnvelope(NotificationChannelDto)
  @ApiErrors(400, 404, 409, 422)
  update(@Param('id', IdPipe) id: number, @Body() body: NotificationChannelUpdateDto): Promise<NotificationChannelDto> {
    return this.channels.update(id, body);
  }

  @Requires('admin')
  @Delete('channels/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a channel; its deliveries stay in the log' })
  @ApiNoContent()
  @ApiErrors(400, 404)
  remove(@Param('id', IdPipe) id: number): Promise<void> {
    return this.channels.remove(id);
  }

  @Requires('admin')
  @Post('channels/:id/test')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a test message now; whether it arrived is in the answer, and in the delivery log' })
  @ApiEnvelope(ChannelTestResultDto)
  @ApiErrors(400, 404)
  test(@Param('id', IdPipe) id: number): Promise<ChannelTestResultDto> {
    return this.notifications.test(id);
  }

  @Requires('viewer')
  @Get('deliveries')
  @ApiOperation({ summary: 'The delivery log, newest first: every event sent to a channel, with each attempt' })
  @ApiEnvelope(NotificationDeliveryDto, { paginated: true })
  @ApiErrors(400)
  deliveries(@Query() query: DeliveryQueryDto): Promise<Page<NotificationDeliveryDto>> {
    return this.notifications.deliveries(query);
  }

  @Requires('operator')
  @Post('deliveries/:id/resend')
  @HttpCode(202)
  @SuccessMessage('Delivery queued again')
  @ApiOperation({ summary: 'Send a failed or suppressed delivery again, with a new round of attempts' })
  @ApiEnvelope(NotificationDeliveryDto, { status: 202 })
  @ApiErrors(400, 404, 409)
  resend(@Param('id', IdPipe) id: number): Promise<NotificationDeliveryDto> {
    return this.notifications.resend(id);
  }
}
