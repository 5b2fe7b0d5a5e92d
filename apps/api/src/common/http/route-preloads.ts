import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface RoutePreload {
  pattern: string;
  files: string[];
}

/**
 * index.html for a path, with <link rel="modulepreload"> for the chunks of the page at that path
 * and <link rel="stylesheet"> for their CSS (route-preloads.json, written by the web build): they
 * load alongside the entry instead of after it. The stylesheets come after the entry's, in the
 * order the route's loader would add them (which then finds them there and adds nothing). One HTML
 * text per pattern, built once (a deployment restarts the process).
 */
export function indexHtmlFor(webDist: string): (path: string) => string {
  const html = readFileSync(join(webDist, 'index.html'), 'utf8');
  const listFile = join(webDist, 'route-preloads.json');
  let routes: Array<RoutePreload & { regex: RegExp; html: string }> = [];
  if (existsSync(listFile)) {
    try {
      routes = (JSON.parse(readFileSync(listFile, 'utf8')) as RoutePreload[]).map((route) => {
        const links = route.files
          .flatMap((file) =>
            /^\/assets\/[\w.-]+\.js$/.test(file)
              ? [`<link rel="modulepreload" crossorigin href="${file}">`]
              : /^\/assets\/[\w.-]+\.css$/.test(file)
                ? [`<link rel="stylesheet" crossorigin href="${file}">`]
                : [],
          )
          .join('');
        return { ...route, regex: new RegExp(route.pattern), html: html.replace('</head>', `${links}</head>`) };
      });
    } catch {
      routes = []; // a broken list only costs the preloads
    }
  }
  return (path) => routes.find((route) => route.regex.test(path))?.html ?? html;
}
