<?xml version="1.0" encoding="utf-8"?>
<!-- Shows the notices feed (/notices/rss.xml) as a page when a person opens it in a browser: what a
     feed is, how to subscribe, and the notices themselves. Feed readers ignore it. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="html" encoding="utf-8" doctype-system="about:legacy-compat" />
  <xsl:variable name="feed" select="concat(/rss/channel/link, 'notices/rss.xml')" />
  <xsl:template match="/">
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>订阅通知公告（RSS） - <xsl:value-of select="/rss/channel/title" /></title>
        <style>
          body { margin: 0; font-family: system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; line-height: 1.7; color: #1b1b1b; background: #fff; overflow-wrap: anywhere; }
          header { background: #0b4f8a; color: #fff; padding: 0.6rem 1rem; font-weight: 700; }
          header a { color: #fff; display: inline-flex; align-items: center; min-height: 2.75rem; text-decoration: none; }
          main { max-width: 42rem; margin: 0 auto; padding: 1rem; }
          h1 { font-size: 1.6rem; line-height: 1.35; margin: 0.5rem 0 1rem; text-wrap: balance; }
          h2 { font-size: 1.25rem; margin: 1.75rem 0 0.75rem; text-wrap: balance; }
          a { color: #0b4f8a; }
          .about { background: #f3f6f9; border-radius: 6px; padding: 0.25rem 1rem 0.75rem; }
          code { display: block; padding: 0.5rem; background: #fff; border: 1px solid #c9d3dd; border-radius: 6px; word-break: break-all; }
          ol { list-style: none; padding: 0; }
          li { border: 1px solid #c9d3dd; border-radius: 6px; padding: 0.75rem 1rem; margin: 0 0 0.75rem; }
          li a { font-weight: 600; font-size: 1.1rem; }
          li p { margin: 0.35rem 0 0; }
          .muted { color: #4d4d4d; }
        </style>
      </head>
      <body>
        <header><a href="/"><xsl:value-of select="substring-before(/rss/channel/title, ' · ')" /></a></header>
        <main>
          <h1>订阅通知公告（RSS）</h1>
          <section class="about">
            <h2>什么是 RSS 订阅？</h2>
            <p>这是本局通知公告的 RSS 订阅源。RSS 是一种不需要注册的订阅方式：把下面的地址添加到 RSS 阅读器（手机应用或电脑软件均可），有新的通知公告时，阅读器会自动收到，不必天天打开网站查看。</p>
            <p>订阅地址（长按或选中后复制）：</p>
            <code><xsl:value-of select="$feed" /></code>
            <p>不使用阅读器也没关系：下面就是全部通知公告，点标题即可阅读；也可以回到 <a href="/notices/">通知公告</a> 栏目。</p>
          </section>
          <h2>最近的通知公告</h2>
          <ol>
            <xsl:for-each select="/rss/channel/item">
              <li>
                <a href="{link}"><xsl:value-of select="title" /></a>
                <p class="muted"><xsl:value-of select="category" /></p>
                <p><xsl:value-of select="description" /></p>
              </li>
            </xsl:for-each>
          </ol>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
