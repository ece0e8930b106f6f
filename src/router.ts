import { createRouter, createWebHistory } from 'vue-router';

/** Every view is a URL (history mode); pages load on demand so the first view ships only what it draws. */
export function createAppRouter() {
  return createRouter({
    history: createWebHistory(import.meta.env.BASE_URL),
    routes: [
      { path: '/', name: 'overview', component: () => import('./pages/OverviewPage.vue') },
      // The wall draws its own title line; the app header is for desks and tablets.
      { path: '/wall', name: 'wall', component: () => import('./pages/WallPage.vue'), meta: { chrome: false } },
      { path: '/index/:indicator', name: 'index', component: () => import('./pages/IndexPage.vue') },
      { path: '/unit/:code', name: 'unit', component: () => import('./pages/UnitPage.vue') },
      { path: '/compare', name: 'compare', component: () => import('./pages/ComparePage.vue') },
      { path: '/national/:indicator', name: 'national', component: () => import('./pages/NationalPage.vue') },
      { path: '/status', name: 'status', component: () => import('./pages/StatusPage.vue') },
      { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./pages/NotFoundPage.vue') },
    ],
  });
}
