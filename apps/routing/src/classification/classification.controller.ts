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
  @ApiOperation({ summary: 'Model versions of this tenant (active, retired, rejected)' })
  models(@CurrentPrincipal() p: Principal) {
    return this.training.list(p.tenantId);
  }

  @Get('models/labels') @Roles('supervisor', 'admin')
  @ApiOperation({ summary: "Staff corrections kept as training labels (transferred, returned, re-categorised, resolved in another department)" })
  labels(@CurrentPrincipal() p: Principal) {
    return this.training.labels(p.tenantId);
  }

  @Get('models/:version/changes') @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'What a retrained model changed on the held-out recent inquiries: accuracy and confusions before and after' })
  changes(@CurrentPrincipal() p: Principal, @Param('version', new ParseIntPipe({ errorHttpStatusCode: 404 })) version: number) {
    return this.training.changes(p.tenantId, version);
  }

  @Post('models/rollback') @HttpCode(200) @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'Return to the model that was active before the current one' })
  rollback(@CurrentPrincipal() p: Principal) {
    return this.training.rollback(p.tenantId);
  }

  @Get('catalogue/corrections') @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'The categories staff corrected most often, where they put those inquiries instead, and the catalogue keywords that caused it' })
  corrections(@CurrentPrincipal() p: Principal) {
    return this.training.corrections(p.tenantId);
  }

  @Post('models/train') @HttpCode(201) @Roles('admin')
  @ApiOperation({
    summary: 'Retrain (in a worker thread) from the labelled dev data, resolved and corrected inquiries; the new version becomes active only if at least as good on recent inquiries, else it is kept as rejected',
  })
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
