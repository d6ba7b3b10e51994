import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, ProblemException, Roles } from '@lotsen/platform';
import { ClassifyDto, TrainDto } from './classification.dto';
import { ClassificationService } from './classification.service';
import { TrainingService } from './training.service';

@ApiTags('classification')
@ApiSecurity('api-key')
@Controller('v1')
export class ClassificationController {
  constructor(private readonly classification: ClassificationService, private readonly training: TrainingService) {}

  @Post('classify') @HttpCode(200)
  @Roles('agent', 'supervisor', 'admin', 'department')
  @ApiOperation({ summary: 'Classify free text: department, category, type, first-contact-resolvable, urgency, language, confidence, explanation' })
  classify(@CurrentPrincipal() p: Principal, @Body() dto: ClassifyDto) {
    return this.classification.classify(p.tenantId, dto);
  }

  @Get('models') @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'Model versions of this tenant' })
  models(@CurrentPrincipal() p: Principal) {
    return this.training.list(p.tenantId);
  }

  @Post('models/train') @HttpCode(201) @Roles('admin')
  @ApiOperation({ summary: 'Retrain from the labelled dev data and resolved inquiries; the new version becomes active' })
  train(@CurrentPrincipal() p: Principal, @Body() dto: TrainDto) {
    return this.training.train(p.tenantId, dto, p.subjectId ?? p.keyId);
  }

  @Post('models') @HttpCode(201) @Roles('admin')
  @ApiOperation({ summary: 'Import a model file (JSON as produced by training); a broken one is refused with 422' })
  import(@CurrentPrincipal() p: Principal, @Body() body: Record<string, unknown>) {
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw ProblemException.of(422, 'invalid-model', 'The body must be a model JSON object.');
    return this.training.import(p.tenantId, body, p.subjectId ?? p.keyId);
  }

  @Post('models/:version/activate') @HttpCode(200) @Roles('admin')
  @ApiOperation({ summary: 'Make an earlier model version active again (rollback)' })
  activate(@CurrentPrincipal() p: Principal, @Param('version', new ParseIntPipe({ errorHttpStatusCode: 404 })) version: number) {
    return this.training.activate(p.tenantId, version);
  }
}
