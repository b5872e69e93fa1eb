/**
 * Hostile mail, written for this suite. Each vector is HTML (or plain text) with placeholders the harness fills in:
 *
 * - `{JS}`   script that reports the vector as run: `top.__pwned('<id>')`
 * - `{P}`    an absolute URL on the local probe server: `http://localhost:<port>/__probe/<ns>/<id>`
 * - `{PR}`   the same, scheme-relative: `//localhost:<port>/__probe/<ns>/<id>`
 * - `{PATH}` the same, path only: `/__probe/<ns>/<id>`
 * - `{PHOST}` the probe origin and prefix without the id: `http://localhost:<port>/__probe/<ns>/` (for base href)
 *
 * A vector fails when its script runs or when anything it names reaches the probe server while remote content is
 * blocked; every rendered frame is also checked for what must never survive (handlers, unsafe URLs, fixed overlays).
 */
export type VectorCategory =
  'script' | 'handler' | 'uri' | 'smil' | 'svg-data' | 'svg-nested' | 'css' | 'remote' | 'mxss' | 'document' | 'text';

export interface Vector {
  id: string;
  category: VectorCategory;
  /** Mail HTML; or `text` for a plain-text body. */
  html?: string;
  text?: string;
}

const counters = new Map<VectorCategory, number>();
export const vectors: Vector[] = [];

function add(category: VectorCategory, ...bodies: string[]): void {
  for (const html of bodies) {
    const n = (counters.get(category) ?? 0) + 1;
    counters.set(category, n);
    vectors.push({ id: `${category}-${String(n).padStart(3, '0')}`, category, html });
  }
}

function addText(...texts: string[]): void {
  for (const text of texts) {
    const n = (counters.get('text') ?? 0) + 1;
    counters.set('text', n);
    vectors.push({ id: `text-${String(n).padStart(3, '0')}`, category: 'text', text });
  }
}

/** `javascript:` written with numeric character references, decimal or hex, padded or not. */
function entities(text: string, style: 'dec' | 'hex' | 'pad'): string {
  return [...text]
    .map((char) => {
      const code = char.codePointAt(0)!;
      return style === 'dec' ? `&#${code};` : style === 'hex' ? `&#x${code.toString(16)};` : `&#0000${code}`;
    })
    .join('');
}

// --- scripts
add(
  'script',
  '<script>{JS}</script>',
  '<SCRIPT>{JS}</SCRIPT>',
  '<script src="{P}"></script>',
  '<script type="module">{JS}</script>',
  '<scr<script>ipt>{JS}</scr</script>ipt>',
  '<script>/*</script><script>*/{JS}</script>',
  '<p>a<script\n>{JS}</script\n>b</p>',
  '<div><script>{JS}</script></div><script src="{PR}"></script>',
  '<table><tr><td><script>{JS}</script></td></tr></table>',
  '<script\x00>{JS}</script>',
  '<iframe srcdoc="&lt;script&gt;{JS}&lt;/script&gt;"></iframe>',
  '<iframe src="javascript:{JS}"></iframe>',
  '<iframe src="{P}"></iframe>',
  '<object data="javascript:{JS}"></object>',
  '<object data="{P}" type="text/html"></object>',
  '<embed src="javascript:{JS}">',
  '<embed src="{P}" type="image/svg+xml">',
  '<frameset><frame src="javascript:{JS}"></frameset>',
  '<portal src="{P}"></portal>',
  '<xmp><script>{JS}</script></xmp>',
);

// --- event handlers
add(
  'handler',
  '<img src=x onerror="{JS}">',
  '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" onload="{JS}">',
  '<body onload="{JS}"><p>hi</p></body>',
  '<div onmouseover="{JS}" style="width:100%;height:100%">hover</div>',
  '<IMG SRC=x ONERROR={JS}>',
  '<img src=x onerror\n=\n"{JS}">',
  '<img/src=x/onerror="{JS}">',
  '<details open ontoggle="{JS}"><summary>x</summary></details>',
  '<video><source onerror="{JS}"></video>',
  '<audio src=x onerror="{JS}"></audio>',
  '<input autofocus onfocus="{JS}">',
  '<marquee onstart="{JS}">x</marquee>',
  '<div style="animation-name:spin;animation-duration:1ms" onanimationstart="{JS}">x</div><style>@keyframes spin{from{color:red}to{color:blue}}</style>',
  '<a href="#" onclick="{JS}" id="clickme">x</a>',
  '<select onfocus="{JS}" autofocus><option>x</option></select>',
  '<img src=x on\u00A0error="{JS}">',
  '<img src=x onerror="&#116;&#111;&#112;.__pwned(\'{ID}\')">',
  '<div popover id=p onbeforetoggle="{JS}">x</div>',
);

// --- URIs: javascript:, vbscript:, data:, entity-encoded
add(
  'uri',
  '<a href="javascript:{JS}">x</a>',
  '<a href="JaVaScRiPt:{JS}">x</a>',
  '<a href=" javascript:{JS}">x</a>',
  '<a href="java\tscript:{JS}">x</a>',
  '<a href="java\nscript:{JS}">x</a>',
  '<a href="java&#x09;script:{JS}">x</a>',
  '<a href="java&NewLine;script:{JS}">x</a>',
  '<a href="&#1;javascript:{JS}">x</a>',
  `<a href="${entities('javascript:', 'dec')}{JS}">x</a>`,
  `<a href="${entities('javascript:', 'hex')}{JS}">x</a>`,
  `<a href="${entities('javascript:', 'pad')}{JS}">x</a>`,
  '<a href="javascript&colon;{JS}">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="VBScript:msgbox(1)">x</a>',
  '<a href="data:text/html,&lt;script&gt;{JS}&lt;/script&gt;">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD50b3AuX19wd25lZCgnZGF0YScpPC9zY3JpcHQ+">x</a>',
  '<a href="DATA:text/html,x">x</a>',
  '<area href="javascript:{JS}" shape="rect" coords="0,0,10,10">',
  '<img src="javascript:{JS}">',
  '<img src="vbscript:x">',
  '<img src="data:text/html,&lt;script&gt;{JS}&lt;/script&gt;">',
  '<table background="javascript:{JS}"><tr><td>x</td></tr></table>',
  '<form action="javascript:{JS}"><button>x</button></form>',
  '<button formaction="javascript:{JS}">x</button>',
  '<a href="javascript:{JS}" target="_top">x</a>',
  '<blockquote cite="javascript:{JS}">x</blockquote>',
  '<a href="\\\\javascript:{JS}">x</a>',
  '<a href="jav&#x61;script:{JS}">x</a>',
  '<a href="file:///etc/passwd">x</a>',
  '<a href="{P}" ping="{P}">a link with ping</a>',
);

// --- SVG SMIL animation rewriting attributes into script or remote URLs
const smilTargets = [
  '<svg><a><animate attributeName="href" values="javascript:{JS}"/><text y="20">x</text></a></svg>',
  '<svg><a><set attributeName="href" to="javascript:{JS}"/><text y="20">x</text></a></svg>',
  '<svg><a xmlns:xlink="http://www.w3.org/1999/xlink"><animate attributeName="xlink:href" values="javascript:{JS}"/><text y="20">x</text></a></svg>',
  '<svg><a><animate attributeName=" href " values="javascript:{JS}"/><text y="20">x</text></a></svg>',
  '<svg><a><animate attributeName="HREF" values="javascript:{JS}"/><text y="20">x</text></a></svg>',
  '<svg><a><animate attributeName="hr&#x65;f" values="javascript:{JS}"/><text y="20">x</text></a></svg>',
  '<svg><a><ANIMATE attributeName="href" from="#" to="javascript:{JS}" dur="1ms" fill="freeze"/><text y="20">x</text></a></svg>',
  '<svg><image><set attributeName="href" to="{P}"/></image></svg>',
  '<svg><image><animate attributeName="xlink:href" values="{P}"/></image></svg>',
  '<svg><rect width="10" height="10"><set attributeName="style" to="fill:url({P})"/></rect></svg>',
  '<svg><rect width="10" height="10"><animate attributeName="fill" values="url({P}#g)"/></rect></svg>',
  '<svg><rect width="10" height="10"><set attributeName="mask" to="url({P}#m)"/></rect></svg>',
  '<svg><rect width="10" height="10"><set attributeName="cursor" to="url({P}),auto"/></rect></svg>',
  '<svg><rect width="10" height="10"><animate attributeName="filter" values="url({P}#f)"/></rect></svg>',
  '<svg><a><animateTransform attributeName="href" values="javascript:{JS}"/><text y="20">x</text></a></svg>',
  '<svg><a><animateMotion attributeName="href" values="javascript:{JS}"/><text y="20">x</text></a></svg>',
  '<svg><a id="l"><text y="20">x</text></a><set href="#l" attributeName="href" to="javascript:{JS}"/></svg>',
  '<svg><a id="l2"><text y="20">x</text></a><animate xlink:href="#l2" attributeName="href" values="javascript:{JS}"/></svg>',
  '<svg><discard begin="0s" onbegin="{JS}"/></svg>',
  '<svg><animate onbegin="{JS}" attributeName="x" dur="1ms"/></svg>',
  '<svg><set attributeName="onload" to="{JS}"/></svg>',
  '<math><maction actiontype="statusline" xlink:href="javascript:{JS}">x</maction></math>',
];
add('smil', ...smilTargets);

// --- data:image/svg+xml with obfuscated media types
const svgDoc = encodeURIComponent(
  `<svg xmlns="http://www.w3.org/2000/svg"><image href="{P}"/><script>{JS}</script></svg>`,
);
add(
  'svg-data',
  `<img src="data:image/svg+xml,${svgDoc}">`,
  `<img src="data:IMAGE/SVG+XML,${svgDoc}">`,
  `<img src="data:image/svg+xml;charset=utf-8,${svgDoc}">`,
  `<img src="data: image/svg+xml,${svgDoc}">`,
  `<img src="data:image/svg+xml;x=image/png,${svgDoc}">`,
  `<img src="data:image/png;x=/../svg+xml,${svgDoc}" alt="type says png">`,
  `<img src="data:image/svg%2Bxml,${svgDoc}">`,
  `<img src="data:image/svg+xml ,${svgDoc}">`,
  `<img src="data:;base64,PHN2Zz48L3N2Zz4=">`,
  `<img srcset="data:image/svg+xml,${svgDoc} 1x">`,
  `<div style="background:url('data:image/svg+xml,${svgDoc}')">x</div>`,
  `<a href="data:image/svg+xml,${svgDoc}">x</a>`,
);

// --- SVG nested through use, image and feImage
add(
  'svg-nested',
  '<svg><use href="{P}#x"/></svg>',
  '<svg><use xlink:href="{P}#x"/></svg>',
  `<svg><use href="data:image/svg+xml,${svgDoc}#x"/></svg>`,
  '<svg><image href="{P}" width="10" height="10"/></svg>',
  '<svg><image xlink:href="{PR}" width="10" height="10"/></svg>',
  '<svg><filter id="f"><feImage href="{P}"/></filter><rect filter="url(#f)" width="9" height="9"/></svg>',
  `<svg><filter id="g"><feImage href="data:image/svg+xml,${svgDoc}"/></filter><rect filter="url(#g)" width="9" height="9"/></svg>`,
  '<svg><foreignObject><iframe src="{P}"></iframe></foreignObject></svg>',
  '<svg><foreignObject><img src=x onerror="{JS}"></foreignObject></svg>',
  '<svg><svg><svg><image href="{P}"/></svg></svg></svg>',
  '<svg><pattern id="p"><image href="{P}"/></pattern><rect fill="url(#p)" width="9" height="9"/></svg>',
  '<svg><script href="{P}"></script></svg>',
  '<svg><script>{JS}</script></svg>',
  '<svg><style>@import url({P});</style></svg>',
);

// --- CSS
add(
  'css',
  '<div style="background:url({P})">x</div>',
  '<div style="background-image:url(\'{P}\')">x</div>',
  '<div style="background:u\\72l({P})">x</div>',
  '<div style="background:\\75\\72\\6C({P})">x</div>',
  '<div style="background:url(\\68ttp://{PHOSTRAW}{ID})">x</div>',
  '<div style="background:ur/**/l({P})">x</div>',
  '<div style="background:url(/**/{P})">x</div>',
  '<div style="background:url({PR})">x</div>',
  '<div style="background:url({PATH})">x</div>',
  '<div style="list-style-image:url({P})"><li>x</li></div>',
  '<div style="border-image:url({P}) 30 round;border:1px solid">x</div>',
  '<div style="cursor:url({P}),auto">x</div>',
  '<div style="content:url({P})">x</div>',
  '<div style="mask-image:url({P});-webkit-mask-image:url({P})">x</div>',
  '<div style="filter:url({P}#f)">x</div>',
  '<div style="clip-path:url({P}#c)">x</div>',
  '<div style="shape-outside:url({P});float:left;width:9px;height:9px">x</div>',
  '<div style="background-image:image-set(\'{P}\' 1x)">x</div>',
  '<div style="background-image:-webkit-image-set(url({P}) 1x)">x</div>',
  '<div style="background-image:image-set(&quot;{P}&quot; 1x, url({P}) 2x)">x</div>',
  '<div style="background-image:image(\'{P}\')">x</div>',
  '<div style="background-image:cross-fade(url({P}) 50%, url({P}))">x</div>',
  '<div style="background-image:-webkit-cross-fade(url({P}), url({P}), 50%)">x</div>',
  '<div style="--a:url({P});background:var(--a)">x</div>',
  '<div style="background:var(--missing, url({P}))">x</div>',
  '<div style="background:var(--missing,u\\rl({P}))">x</div>',
  '<style>.v{--b:url({P})} .v{background:var(--b)}</style><div class="v">x</div>',
  '<style>.w{background:var(--none, url({P}))}</style><div class="w">x</div>',
  '<div style="width:expression({JS})">x</div>',
  '<div style="background:url(javascript:{JS})">x</div>',
  '<div style="behavior:url({P})">x</div>',
  '<div style="-moz-binding:url({P}#x)">x</div>',
  '<style>@import url({P});</style>',
  '<style>@import "{P}";</style>',
  '<style>@\\69mport url({P});</style>',
  '<style>@im\\port "{P}";</style>',
  '<style>@import url({P}) screen;p{color:red}</style>',
  '<style>@font-face{font-family:x;src:url({P})} p{font-family:x}</style><p>x</p>',
  '<style>@font-face{font-family:y;src:local(a),url({PR}) format("woff")} p{font-family:y}</style><p>y</p>',
  '<style>p{background:url({P})}</style><p>x</p>',
  '<style>p{background:url(&quot;{P}&quot;)}</style><p>x</p>',
  '<style>/* } */ p{background:url({P})}</style><p>x</p>',
  '<style>p{color:red;} } } a{background:url({P})}</style><a>x</a>',
  '<style>p{color:"}"; background:url({P})}</style><p>x</p>',
  '<style>{}p{background:url({P})}</style><p>x</p>',
  '<style>@media all{@supports (display:block){p{background:url({P})}}}</style><p>x</p>',
  '<style>p{&:hover{background:url({P})}} p{& span{background-image:url({P})}}</style><p>x<span>y</span></p>',
  '<style>@keyframes k{from{background:url({P})}to{color:red}} p{animation:k 1s}</style><p>x</p>',
  '<style>@page{background:url({P})}</style>',
  '<style>@property --q{syntax:"<image>";inherits:false;initial-value:url({P})} p{background:var(--q)}</style><p>x</p>',
  '<style>@counter-style s{system:cyclic;symbols:url({P})} ol{list-style:s}</style><ol><li>x</li></ol>',
  '<style>p::before{content:url({P})}</style><p>x</p>',
  '<style>p{background:url(\'{P}\') /* </style><img src=x onerror="{JS}"> */}</style><p>x</p>',
  '<style><img src=x onerror="{JS}"></style>',
  '<style>p{font-family:"</style><img src=x onerror={JS}>"}</style>',
  '<div style="position:fixed;top:0;left:0;width:100%;height:100%;background:#fff;z-index:2147483647">Your session expired. <a href="{P}">Sign in</a></div>',
  '<div style="position: FIXED !important; inset: 0">overlay</div>',
  '<div style="position:fi\\78ed;inset:0">overlay</div>',
  '<style>.o{position:fixed;inset:0;background:red}</style><div class="o">overlay</div>',
  '<style>@media screen{.o2{position:fixed!important;top:0}}</style><div class="o2">overlay</div>',
  '<table style="background:url({P})"><tr><td style="background-image:url({P})">x</td></tr></table>',
  '<div style="background:url(&#104;ttp://{PHOSTRAW}{ID})">x</div>',
  '<div style="background:url(http&#58;//{PHOSTRAW}{ID})">x</div>',
  '<div style="background:url(\'{P}\'">x</div>',
  '<div style="background:url({P}">x</div>',
);

// --- remote references in HTML attributes and elements
add(
  'remote',
  '<img src="{P}">',
  '<img src="{PR}">',
  '<img src="{PATH}">',
  '<img src=" {P} ">',
  '<img srcset="{P} 1x, {P}/2 2x">',
  '<picture><source srcset="{P}"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></picture>',
  '<table background="{P}"><tr><td background="{P}">x</td></tr></table>',
  '<body background="{P}"><p>x</p></body>',
  '<video poster="{P}"></video>',
  '<audio src="{P}" autoplay></audio>',
  '<video><source src="{P}"></video>',
  '<link rel="stylesheet" href="{P}">',
  '<link rel="preload" as="image" href="{P}">',
  '<link rel="prefetch" href="{P}">',
  '<link rel="icon" href="{P}">',
  '<img src="x" srcset="{P} 100w" sizes="100px">',
  '<input type="image" src="{P}">',
  '<img src="http://{PHOSTRAW}{ID}" loading="lazy">',
  '<img src="h&#x74;tp://{PHOSTRAW}{ID}">',
  '<image src="{P}">',
  '<img dynsrc="{P}" lowsrc="{P}">',
  '<a href="{P}" attributionsrc="{P}">x</a>',
  '<img src="cid:not-a-part@example.com">',
  '<img src="{P}" fetchpriority="high">',
);

// --- mutation XSS and namespace confusion
add(
  'mxss',
  '<noscript><p title="</noscript><img src=x onerror={JS}>"></noscript>',
  '<noscript><style></noscript><img src=x onerror="{JS}"></style></noscript>',
  '<style><style/><img src=x onerror={JS}></style>',
  '<template><img src=x onerror="{JS}"></template>',
  '<template><style></template><img src=x onerror="{JS}"></style></template>',
  '<math><mtext><table><mglyph><style><img src=x onerror="{JS}"></style></mglyph></table></mtext></math>',
  '<math><mi><mglyph><svg><mtext><textarea><path id="</textarea><img onerror={JS} src=x>">',
  '<svg></p><style><a id="</style><img src=x onerror={JS}>">',
  '<svg><p><style><img src=x onerror="{JS}"></style></p></svg>',
  '<form><math><mtext></form><form><mglyph><style></math><img src=x onerror="{JS}">',
  '<math><mtext><h1><a><h6></a></h6><mglyph><svg><mtext><style><a title="</style><img src=x onerror={JS}>"></style></svg></mglyph></h1></mtext></math>',
  '<svg><foreignobject><p><style><p title="</style><iframe onload={JS}>">',
  '<svg><desc><style><img src=x onerror="{JS}"></style></desc></svg>',
  '<table><style><img src=x onerror="{JS}"></style></table>',
  '<a title="<!--"><img src=x onerror={JS}>--></a>',
  '<!--><img src=x onerror="{JS}">-->',
  '<textarea><img src=x onerror="{JS}"></textarea>',
  '<title><img src=x onerror="{JS}"></title>',
  '<xmp></xmp><img src=x onerror="{JS}"><xmp>',
  '<noembed><img src=x onerror="{JS}"></noembed>',
  '<noframes><img src=x onerror="{JS}"></noframes>',
  '<iframe><img src=x onerror="{JS}"></iframe>',
  '<div id="x"><img src="x" name="body"><form name="cookie"></form></div><img src=x onerror="{JS}">',
  '<plaintext><img src=x onerror="{JS}">',
);

// --- document-level: base, meta refresh, forms
add(
  'document',
  '<base href="{PHOST}"><img src="{ID}">',
  '<head><base href="{PHOST}"></head><body><img src="{ID}"><a href="{ID}">x</a></body>',
  '<base href="javascript:{JS}//"><a href="/x">x</a>',
  '<meta http-equiv="refresh" content="0;url={P}">',
  '<meta http-equiv="Refresh" content="0; URL=javascript:{JS}">',
  '<meta http-equiv="refresh" content="0;url=data:text/html,&lt;script&gt;{JS}&lt;/script&gt;">',
  '<meta http-equiv="Content-Security-Policy" content="img-src *"><img src="{P}">',
  '<meta http-equiv="set-cookie" content="pwned=1">',
  '<form action="{P}" method="post"><input name="password" type="password" value="hunter2"><input type="submit"></form>',
  '<form id="f" action="{P}"></form><button form="f" autofocus>send</button>',
  '<form action="{P}"><input type="image" src="{P}"></form>',
  '<isindex action="{P}">',
  '<div><form action="{P}"><input name="q" autofocus onfocus="this.form.submit()"></form></div>',
  '<a href="{P}" target="_top">navigate the top</a>',
  '<a href="{P}" target="_self">navigate the frame</a>',
  '<a href="{P}" download="x.exe">download</a>',
  '<iframe name="n"></iframe><a href="javascript:{JS}" target="n">x</a>',
  '<img src=x name="__pwned"><img src=x id="getElementById">',
  '<svg><a href="{P}" target="_top"><text y="20">x</text></a></svg>',
  '<dialog open><form method="dialog" action="{P}"><button>x</button></form></dialog>',
);

// --- plain text: the linkifier must not open an attribute or a tag
addText(
  'https://a.example/"onmouseover="{JS}"',
  "https://a.example/'onmouseover='{JS}'",
  'https://a.example/<img src=x onerror={JS}>',
  'javascript:{JS}',
  'see javascript://a.example/%0A{JS}',
  'www.example.com"><script>{JS}</script>',
  'mailto:"><img src=x onerror={JS}>@example.com',
  '<script>{JS}</script>',
  'https://a.example/&quot;onmouseover=&quot;{JS}',
  '> quoted <img src=x onerror="{JS}">\n>> https://a.example/"><svg onload={JS}>',
  'https://a.example/`onmouseover=`{JS}',
  'data:text/html,<script>{JS}</script>',
  'http://{PHOSTRAW}{ID}',
  'https://a.example/\u2028<img src=x onerror={JS}>',
);
