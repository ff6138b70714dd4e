#!/usr/bin/env python3
"""Writes a realistic RSS 2.0 feed of N items for the feed benchmark.

Usage: generate-feed.py N OUTPUT

Each item has a title, link, guid, pubDate, three to five categories, dc:creator, a
description and a content:encoded (CDATA) body of four to six HTML paragraphs with links,
emphasis and entities. The output is deterministic (seeded), streamed to disk item by item.
"""
import random
import sys
from email.utils import formatdate

WORDS = (
    "school leaders inspection secondment programme teachers pupils curriculum assessment "
    "governors trust academy parents funding report conference headteacher science maths "
    "reading library sports music drama trip visit results examination wellbeing community "
    "volunteers partnership announcement training development experience insight improvement"
).split()
TAGS = ["Ofsted", "Leadership", "Science", "Sport", "Music", "Events", "Sixth Form", "Year 7",
        "Year 9", "Parents", "Governors", "Trips", "Results", "Wellbeing", "Library"]
AUTHORS = ["Tamsin Hale", "Dr Ade Okafor", "Priya Shah", "Tom O'Neill", "Marta Nowak"]


def sentence(rng, low=8, high=20):
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def paragraph(rng):
    parts = [sentence(rng) for _ in range(rng.randint(2, 4))]
    word = rng.choice(WORDS)
    parts.append(f'See <a href="https://riverside.example/{word}">the {word} page</a> &amp; '
                 f'<em>don&rsquo;t miss</em> the &ldquo;{rng.choice(WORDS)}&rdquo; update.')
    return "<p>" + " ".join(parts) + "</p>"


def item(rng, number):
    slug = f"post-{number}"
    title = sentence(rng, 5, 10)[:-1].replace("&", "&amp;")
    date = formatdate(1_700_000_000 - number * 3600, usegmt=True)
    categories = "".join(f"<category>{tag}</category>" for tag in rng.sample(TAGS, rng.randint(3, 5)))
    body = "\n".join(paragraph(rng) for _ in range(rng.randint(4, 6)))
    description = sentence(rng, 15, 30)
    return (
        "<item>"
        f"<title>{title}</title>"
        f"<link>https://riverside.example/news/{slug}</link>"
        f'<guid isPermaLink="false">riverside-{number}</guid>'
        f"<pubDate>{date}</pubDate>"
        f"{categories}"
        f"<dc:creator>{rng.choice(AUTHORS)}</dc:creator>"
        f"<description>{description}</description>"
        f"<content:encoded><![CDATA[{body}]]></content:encoded>"
        "</item>\n"
    )


def main():
    count, output = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(20240309)
    with open(output, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                  '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
                  'xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel>\n'
                  "<title>Riverside Academy News</title>\n"
                  "<link>https://riverside.example/news/</link>\n"
                  "<description>Generated for the Syndicate feed benchmark</description>\n"
                  "<language>en-GB</language>\n")
        for number in range(1, count + 1):
            out.write(item(rng, number))
        out.write("</channel>\n</rss>\n")


if __name__ == "__main__":
    main()
