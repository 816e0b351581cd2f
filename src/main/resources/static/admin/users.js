// Siaga 110 administration: the users page.
import { startAdmin } from '/admin/nav.js';
import { attempt } from '/js/console.js';

attempt(() => startAdmin('users'));
