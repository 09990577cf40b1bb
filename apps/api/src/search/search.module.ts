import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ArchivesModule } from '../archives/archives.module';
import { RepositoryEntity } from '../repositories/repository.entity';
import { FileSearch } from './file-search';
import { SearchController } from './search.controller';

/** Search of file names across all repositories, in the archives' browse indexes. */
@Module({
  imports: [TypeOrmModule.forFeature([RepositoryEntity]), ArchivesModule],
  controllers: [SearchController],
  providers: [FileSearch],
})
export class SearchModule {}
