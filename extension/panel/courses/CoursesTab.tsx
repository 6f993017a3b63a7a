import { messages } from '../../messages.ts';
import { Catalogue } from './Catalogue.tsx';
import { MyEnrollments } from './MyEnrollments.tsx';

/** «Курсы ДПО»: my sign-ups first (with feedback on completed ones), then the catalogue. */
export function CoursesTab() {
  return (
    <div class="tab tab--courses">
      <section aria-labelledby="profrost-mine-title">
        <h3 id="profrost-mine-title">{messages.courses.mineTitle}</h3>
        <MyEnrollments />
      </section>
      <section aria-labelledby="profrost-catalogue-title">
        <h3 id="profrost-catalogue-title">{messages.courses.catalogueTitle}</h3>
        <Catalogue />
      </section>
    </div>
  );
}
