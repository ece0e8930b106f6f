import { createRouter, createWebHistory } from 'vue-router';

/** Every view is a URL (history mode); pages load on demand so the first view ships only what it draws. */
export function createAppRouter() {
  return createRouter({
    history: createWebHistory(import.meta.env.BASE_URL),
    routes: [
      { path: '/', name: 'overview', component: () => import('./pages/OverviewPage.vue') },
      { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./pages/NotFoundPage.vue') },
    ],
  });
}
