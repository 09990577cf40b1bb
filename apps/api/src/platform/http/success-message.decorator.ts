import { SetMetadata } from '@nestjs/common';

export const SUCCESS_MESSAGE = 'borgitory:success-message';

/** The `message` of the success envelope for this route. */
export const SuccessMessage = (message: string) => SetMetadata(SUCCESS_MESSAGE, message);
