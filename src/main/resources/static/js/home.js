// Siaga 110: the start page sends each user to the console of their role.
import { words, translate } from '/js/i18n.js';
import { get } from '/js/api.js';

words({ 'home.opening': 'Membuka konsol Anda…', 'home.operator': 'Konsol operator', 'home.supervisor': 'Papan pengawas', 'home.officer': 'Aplikasi petugas',
        'home.admin': 'Administrasi', 'home.password': 'Ganti kata sandi' },
      { 'home.opening': 'Opening your console…', 'home.operator': 'Operator console', 'home.supervisor': 'Supervisor board', 'home.officer': 'Officer app',
        'home.admin': 'Administration', 'home.password': 'Change password' });
translate();
get('/api/console').then((me) => location.replace(me.landing));
