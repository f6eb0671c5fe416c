import { describeDatabaseRuns } from './other-databases.js';

// --database mysql against MariaDB 10.11: the runs test/helpers/e2e-combinations.ts lists for this file.
describeDatabaseRuns('create-mysql.test.ts');
