import type { DemoCredentials } from './seed.ts';
import { messages } from './messages.ts';

export function formatDemoCredentials(demo: DemoCredentials): string {
  const t = messages.demo;
  return [
    t.seeded,
    `${t.republic}: ${demo.republic}`,
    t.teachersHeader,
    ...demo.teachers.map((teacher) => `  ${teacher.code}  ${teacher.name}, ${teacher.school}`),
    t.methodist(demo.methodist.login, demo.methodist.password, demo.methodist.municipality),
    t.admin(demo.admin.login, demo.admin.password),
    t.councilToken(demo.councilToken),
    t.councilMember(demo.council.login, demo.council.password),
  ].join('\n');
}
