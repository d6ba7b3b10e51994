import { Module } from '@nestjs/common';
import { RegisterController } from './register.controller';
import { RegisterRepository } from './register.repository';
import { RegisterService } from './register.service';

/** The public-record register; its repository is exported for the eraser, which keeps entries as the plan says. */
@Module({
  controllers: [RegisterController],
  providers: [RegisterRepository, RegisterService],
  exports: [RegisterRepository],
})
export class RegisterModule {}
