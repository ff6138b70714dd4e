import Foundation

extension Composer {
    /// The working state of one payload: the values a template places, and the fitting.
    struct Draft {
        let post: Post
        let network: SocialNetwork
        let configuration: ComposerConfiguration
        let rule: NetworkRule
        let template: PostTemplate
        /// The network's definition: its style, fields and threading.
        let definition: any NetworkDefinition
        let link: URL?
        let title: String
        /// Summary sentences in priority order (author's summary or lead first).
        let sentences: [String]
        /// Hashtags allowed on this network, highest priority first.
        let tags: [String]
        let fitter: SummaryFitter
        /// The informativeness of each sentence (empty when ``sentences`` is the title alone).
        let scores: [Int]
        /// Measured lengths of single sentences, for quick whole-sentence tests.
        var pieceCosts: [Int: Cost] = [:]
        /// Measured length of the text around the summary, by number of hashtags.
        var fixedCosts: [Int: Cost] = [:]
        /// Set when the quick tests were wrong once: every candidate is then measured whole.
        var exactOnly = false
        /// The `{title}` value: the title, or nothing when the summary's lead repeats it.
        let titleValue: String
        var warnings: [SharePayload.Warning] = []

        /// Hashtag words in priority order, before this network's maximum.
        let hashtagCandidates: [String]
        /// The values around the summary as written for the network, escaped once per payload.
        let escapedTitle: String
        let escapedSource: String
        let escapedAuthor: String
        let escapedLink: String?

        init(
            post: Post, network: SocialNetwork, configuration: ComposerConfiguration, reading: Composer.Reading
        ) throws(ComposeError) {
            self.post = post
            self.network = network
            self.configuration = configuration
            guard let definition = configuration.networks.definition(for: network) else {
                throw ComposeError(
                    .unknownNetwork(network.rawValue),
                    message: "The network '\(network.rawValue)' has no definition in the composer's registry; register its NetworkDefinition in ComposerConfiguration.networks.")
            }
            self.definition = definition
            rule = configuration.rule(for: network)
            template = configuration.template(for: network)
            link = post.url.map { configuration.linkTracking.url($0, for: network) }
            title = reading.title
            scores = reading.scores
            sentences = reading.sentences.isEmpty && !title.isEmpty ? [title] : reading.sentences
            guard !sentences.isEmpty || link != nil else {
                throw ComposeError(
                    .emptyPost,
                    message: "The post '\(post.id)' has no title, summary, body or link, so there is nothing to post on \(network.displayName); import it again with its content.")
            }
            let maximum = configuration.hashtags.maximum(for: network, in: configuration.networks)
            let candidates = reading.hashtags
            hashtagCandidates = candidates
            tags = template.uses(.hashtags) ? definition.hashtags(from: candidates, maximum: maximum) : []
            if template.uses(.title), reading.leadRepeatsTitle {
                titleValue = ""
            } else {
                titleValue = title
            }
            fitter = SummaryFitter(maximumSentences: configuration.sentenceLimit(for: network), language: post.language)
            escapedTitle = definition.escape(titleValue)
            escapedSource = definition.escape(post.source?.name ?? "")
            escapedAuthor = definition.escape(post.author ?? "")
            if let link { escapedLink = definition.link(link, title: title) } else { escapedLink = nil }
        }

        // MARK: Rendering


        /// The values the template places, with `summary` and the first `tagCount` tags, written
        /// for the network (`escaped`) or as plain text.
        func values(summary: String, tags: [String], escaped: Bool) -> [PostTemplate.Placeholder: String] {
            guard escaped else {
                var values: [PostTemplate.Placeholder: String] = [
                    .title: titleValue,
                    .summary: summary,
                    .hashtags: tags.map { "#" + $0 }.joined(separator: " "),
                    .source: post.source?.name ?? "",
                    .author: post.author ?? "",
                ]
                if let link { values[.link] = link.absoluteString }
                return values
            }
            var values: [PostTemplate.Placeholder: String] = [
                .title: escapedTitle,
                .summary: definition.escape(summary),
                .hashtags: tags.map { definition.hashtag($0) }.joined(separator: " "),
                .source: escapedSource,
                .author: escapedAuthor,
            ]
            if let escapedLink { values[.link] = escapedLink }
            return values
        }

        /// The text as sent (and counted) for a summary and tags.
        func render(summary: String, tags: [String]) -> String {
            template.render(values(summary: summary, tags: tags, escaped: true), literal: definition.literal)
        }

        /// Whether the text with `summary` and `tags` is within the network's limits.
        func fits(summary: String, tags: [String]) -> Bool {
            let text = render(summary: summary, tags: tags)
            return !text.isEmpty && rule.measure(text).isValid
        }

        // MARK: Quick whole-sentence tests

        /// A length in the network's unit and in UTF-8 bytes.
        struct Cost {
            var length: Int
            var bytes: Int
        }

        /// The measured cost of the text around the summary with the first `tagCount` tags: the
        /// text with a one-character summary, less that character.
        mutating func fixedCost(tagCount: Int) -> Cost {
            if let cost = fixedCosts[tagCount] { return cost }
            let measurement = rule.measure(render(summary: "a", tags: Array(tags.prefix(tagCount))))
            let cost = Cost(length: measurement.length - 1, bytes: measurement.bytes - 1)
            fixedCosts[tagCount] = cost
            return cost
        }

        /// The measured cost of sentence `index` as written for the network.
        mutating func pieceCost(_ index: Int) -> Cost {
            if let cost = pieceCosts[index] { return cost }
            let measurement = rule.measure(definition.escape(sentences[index]))
            let cost = Cost(length: measurement.length, bytes: measurement.bytes)
            pieceCosts[index] = cost
            return cost
        }

        /// Whether the sentences at `indices`, joined by spaces, fit with the first `tagCount`
        /// tags, by adding measured pieces. Every unit Syndicate counts in adds up across a
        /// space between sentences; the final text is measured whole all the same.
        mutating func fitsSentences(_ indices: [Int], tagCount: Int) -> Bool {
            var total = fixedCost(tagCount: tagCount)
            for index in indices {
                let piece = pieceCost(index)
                total.length += piece.length
                total.bytes += piece.bytes
            }
            total.length += max(0, indices.count - 1)
            total.bytes += max(0, indices.count - 1)
            return total.length <= rule.limit && total.bytes <= (rule.byteLimit ?? Int.max)
        }

        /// Whether `summary` fits with the first `tagCount` tags, by adding its measured length
        /// to the measured text around it: the quick test for cut candidates. An empty summary
        /// is rendered and measured whole (the template may drop what surrounds it).
        mutating func fitsSummary(_ summary: String, tagCount: Int) -> Bool {
            guard !summary.isEmpty else { return fits(summary: summary, tags: Array(tags.prefix(tagCount))) }
            var total = fixedCost(tagCount: tagCount)
            let measurement = rule.measure(definition.escape(summary))
            total.length += measurement.length
            total.bytes += measurement.bytes
            return total.length <= rule.limit && total.bytes <= (rule.byteLimit ?? Int.max)
        }

        // MARK: Composing

        mutating func compose() throws(ComposeError) -> SharePayload {
            guard template.uses(.summary) || template.uses(.title) || template.uses(.link) else {
                throw ComposeError(
                    .doesNotFit(length: 0, limit: rule.limit),
                    message: "The \(network.displayName) template '\(template.source)' places neither {summary}, {title} nor {link}; add one of them.")
            }
            var used = tags
            // Keep the lead whole if dropping hashtags (lowest priority first) makes room.
            if let lead = sentences.first, template.uses(.summary) {
                func leadFits(_ count: Int) -> Bool {
                    exactOnly ? fits(summary: lead, tags: Array(tags.prefix(count))) : fitsSentences([0], tagCount: count)
                }
                while !used.isEmpty, !leadFits(used.count) { used.removeLast() }
                if used.count < tags.count, !leadFits(used.count) { used = tags }
                // No tag helps: keep them all unless even an empty summary leaves no room. When
                // the lead fits with them, so does an empty summary (the final text is measured
                // whole, and composed again exactly if the pieces did not add up).
                if exactOnly || !leadFits(used.count) {
                    while !used.isEmpty, !fits(summary: "", tags: used) { used.removeLast() }
                }
            }
            if used.count < tags.count {
                let dropped = tags[used.count...].map { "#" + $0 }.joined(separator: ", ")
                warnings.append(.init(.hashtagsDropped, "\(dropped) left out: no room within \(limitPhrase)."))
            }
            var summary = ""
            if template.uses(.summary) {
                let current = used
                var quick = self
                let exact = exactOnly
                let fit = fitter.fit(
                    sentences, scores: scores.count == sentences.count ? scores : nil,
                    fitsSentences: exactOnly ? nil : { quick.fitsSentences($0, tagCount: current.count) },
                    fits: { exact ? fits(summary: $0, tags: current) : quick.fitsSummary($0, tagCount: current.count) })
                summary = fit.text
                if fit.cut {
                    if !title.isEmpty, !template.uses(.title) || titleValue.isEmpty, sentences.first != title,
                        fits(summary: title, tags: used)
                    {
                        summary = title
                        warnings.append(.init(.headlineUsed, "The lead is too long for \(limitPhrase); the headline is used instead."))
                    } else if !summary.isEmpty {
                        warnings.append(.init(.summaryCut, "The summary was cut with '…' to fit \(limitPhrase)."))
                    }
                }
                if fit.dropped > 0, summary != title || sentences.first == title {
                    let noun = fit.dropped == 1 ? "sentence" : "sentences"
                    warnings.append(.init(.sentencesDropped, "\(fit.dropped) \(noun) of the summary left out to fit \(limitPhrase)."))
                }
            }
            var hashtags = used
            if configuration.hashtags.inline, definition.supportsInlineHashtags {
                (summary, used) = inlined(summary: summary, tags: used)
                hashtags = hashtags.filter { !used.contains($0) } + used
            }
            var text = render(summary: summary, tags: used)
            if text.isEmpty, let link { text = definition.link(link, title: title) }
            let measured = rule.measure(text)
            if !measured.isValid, !exactOnly {
                // The measured pieces did not add up to the whole (a rule that does not add
                // across a space): compose again, measuring every candidate whole.
                exactOnly = true
                warnings = []
                return try compose()
            }
            guard measured.isValid, !text.isEmpty else {
                throw ComposeError(
                    .doesNotFit(length: measured.length, limit: rule.limit),
                    message: "The post '\(post.id)' cannot fit \(limitPhrase): the link and the template's own text alone count \(measured.length); use a shorter template or link.")
            }
            var payload = SharePayload(
                network: network, text: text, length: measured.length, limit: rule.limit, link: link, hashtags: hashtags)
            if link == nil { warnings.append(.init(.noLink, "The post has no URL, so nothing links to it.")) }
            if let limits = definition.imageLimits {
                let selection = ImageSelection(network: network, limits: limits, policy: configuration.images, language: post.language)
                let chosen = try selection.select(from: post.images)
                payload.images = chosen.images
                warnings += chosen.warnings
            }
            addNetworkParts(to: &payload, summary: summary, tags: used)
            if configuration.threading, definition.supportsThreads, sentences.count > 1,
                !fits(summary: sentences.joined(separator: " "), tags: used)
            {
                let threaded = ThreadSplitter(draft: self, tags: used).parts()
                if threaded.parts.count > 1 {
                    payload.parts = threaded.parts
                    payload.text = threaded.parts[0].text
                    payload.length = threaded.parts[0].length
                    payload.fields.merge(threaded.parts[0].fields)
                    warnings.removeAll { [.summaryCut, .sentencesDropped, .headlineUsed].contains($0.code) }
                    if threaded.truncated {
                        warnings.append(.init(.threadTruncated, "The thread stops at \(configuration.maximumThreadParts) parts; the rest of the post is left out."))
                    }
                }
            }
            payload.warnings = warnings
            return payload
        }

        /// "X's limit of 280".
        var limitPhrase: String {
            "\(network.displayName)'s limit of \(rule.limit)"
        }

        /// Tags a word of the summary in place (`Ofsted` → `#Ofsted`) instead of repeating it;
        /// returns the summary and the tags still to be written after it. Not on LinkedIn,
        /// whose hashtags are little-text templates rather than `#` words.
        func inlined(summary: String, tags: [String]) -> (String, [String]) {
            var summary = summary
            var remaining: [String] = []
            for tag in tags {
                if let range = SummarySource.wordRange(of: tag, in: summary) {
                    let candidate = summary.replacingCharacters(in: range, with: "#" + summary[range])
                    if fits(summary: candidate, tags: remaining + tags.filter { !remaining.contains($0) && $0 != tag }) {
                        summary = candidate
                        continue
                    }
                }
                remaining.append(tag)
            }
            return (summary, remaining)
        }

        /// The description for link cards: the author's summary or the lead, at most 300
        /// characters, cut at a word.
        var cardDescription: String {
            let base = Whitespace.collapse(post.summary ?? post.lead ?? "")
            guard base.count > 300 else { return base }
            // A card field, not post text: cut at the last space within 299 characters.
            let head = base.prefix(299)
            let end = head.lastIndex(where: { $0 == " " }) ?? head.endIndex
            return SummaryFitter.ellipsized(head[..<end])
        }

        mutating func addNetworkParts(to payload: inout SharePayload, summary: String, tags: [String]) {
            let draft = self
            var context = PayloadContext(
                post: post, link: link, summary: summary, hashtags: tags, hashtagCandidates: hashtagCandidates,
                hashtagMaximum: configuration.hashtags.maximum(for: network, in: configuration.networks),
                cardDescription: { draft.cardDescription },
                plainText: { draft.template.render(draft.values(summary: summary, tags: tags, escaped: false)) },
                warnings: warnings)
            definition.addFields(to: &payload, context: &context)
            warnings = context.warnings
        }
    }
}
