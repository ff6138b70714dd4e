import Foundation

/// Scoring, the choice of the top candidate and sibling joining: the second half of
/// Readability's `_grabArticle`.
extension ReadabilityGrabber {
    static let topCandidateCount = 5

    /// Readability's `_initializeNode`: a starting score by tag, plus the class weight.
    mutating func initialize(_ node: Int) {
        var score = 0.0
        switch dom.names[node] {
        case "div": score += 5
        case "pre", "td", "blockquote": score += 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": score -= 3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": score -= 5
        default: break
        }
        scores[node] = score + Double(classWeight(node))
    }

    func classWeight(_ node: Int) -> Int {
        guard flags.contains(.weightClasses) else { return 0 }
        return ReadabilityPatterns.classWeight(class: dom.attribute("class", of: node), id: dom.attribute("id", of: node))
    }

    /// Scores each paragraph (1, plus commas + 1, plus a point per 100 characters up to 3) into
    /// up to five ancestors: the parent fully, the grandparent by half, then by level × 3.
    mutating func scoreParagraphs(_ elements: [Int], measures: [ReadabilityMeasure]) -> [Int] {
        var candidates: [Int] = []
        for element in elements {
            let owner = dom.parent[element]
            guard owner > 0 else { continue }
            let length = measures[element].text
            guard length >= 25 else { continue }
            let score = 1 + Double(measures[element].commas + 1) + Double(min(length / 100, 3))
            var ancestor = owner
            var level = 0
            while ancestor >= 0, level < 5 {
                let grand = dom.parent[ancestor]
                if ancestor > 0, grand > 0 {
                    if scores[ancestor] == nil {
                        initialize(ancestor)
                        candidates.append(ancestor)
                    }
                    let divider = level == 0 ? 1 : level == 1 ? 2 : Double(level * 3)
                    scores[ancestor] = (scores[ancestor] ?? 0) + score / divider
                }
                ancestor = grand
                level += 1
            }
        }
        return candidates
    }

    /// The best five candidates, each score scaled by one minus its link density.
    mutating func topCandidates(_ candidates: [Int], measures: [ReadabilityMeasure]) -> [Int] {
        var top: [Int] = []
        for candidate in candidates {
            let score = (scores[candidate] ?? 0) * (1 - measures[candidate].linkDensity)
            scores[candidate] = score
            if let index = top.firstIndex(where: { score > (scores[$0] ?? 0) }) {
                top.insert(candidate, at: index)
                if top.count > Self.topCandidateCount { top.removeLast() }
            } else if top.count < Self.topCandidateCount {
                top.append(candidate)
            }
        }
        return top
    }

    private func ancestors(of node: Int) -> [Int] {
        var result: [Int] = []
        var current = dom.parent[node]
        while current >= 0 {
            result.append(current)
            current = dom.parent[current]
        }
        return result
    }

    /// Readability's refinements of the top candidate: the common ancestor of three close
    /// runners-up, a parent whose score climbs, and a parent of which it is the only child.
    mutating func refine(_ first: Int, among top: inout [Int], page: Int) -> Int {
        var topCandidate = first
        let topScore = scores[first] ?? 0
        let alternatives = top.dropFirst().filter { topScore != 0 && (scores[$0] ?? 0) / topScore >= 0.75 }
            .map { Set(ancestors(of: $0)) }
        let minimum = 3
        if alternatives.count >= minimum {
            var ancestor = dom.parent[topCandidate]
            while ancestor > 0, ancestor != page, dom.names[ancestor] != "body" {
                if alternatives.filter({ $0.contains(ancestor) }).count >= minimum {
                    topCandidate = ancestor
                    break
                }
                ancestor = dom.parent[ancestor]
            }
        }
        if scores[topCandidate] == nil { initialize(topCandidate) }

        var ancestor = dom.parent[topCandidate]
        var lastScore = scores[topCandidate] ?? 0
        let threshold = lastScore / 3
        while ancestor > 0, ancestor != page, dom.names[ancestor] != "body" {
            guard let parentScore = scores[ancestor] else {
                ancestor = dom.parent[ancestor]
                continue
            }
            if parentScore < threshold { break }
            if parentScore > lastScore {
                topCandidate = ancestor
                break
            }
            lastScore = parentScore
            ancestor = dom.parent[ancestor]
        }

        ancestor = dom.parent[topCandidate]
        while ancestor > 0, ancestor != page, dom.names[ancestor] != "body", dom.elementChildren(ancestor).count == 1 {
            topCandidate = ancestor
            ancestor = dom.parent[topCandidate]
        }
        if scores[topCandidate] == nil { initialize(topCandidate) }
        return topCandidate
    }

    /// A new `<div>` holding the top candidate and those of its siblings that look like part
    /// of the article: a score above max(10, 20 % of the top score), a shared class earning a
    /// bonus, or a paragraph with little link text.
    mutating func joinSiblings(of topCandidate: Int, measures: [ReadabilityMeasure]) -> Int {
        let article = dom.createElement("div")
        scores.append(nil)
        let topScore = scores[topCandidate] ?? 0
        let threshold = max(10, topScore * 0.2)
        let owner = dom.parent[topCandidate]
        let topClass = dom.attribute("class", of: topCandidate) ?? ""
        let siblings = owner >= 0 ? dom.elementChildren(owner) : [topCandidate]
        for sibling in siblings {
            var append = sibling == topCandidate
            if !append {
                let bonus = !topClass.isEmpty && dom.attribute("class", of: sibling) == topClass ? topScore * 0.2 : 0
                if let score = scores[sibling], score + bonus >= threshold {
                    append = true
                } else if dom.names[sibling] == "p" {
                    let density = sibling < measures.count ? measures[sibling].linkDensity : 1
                    let length = sibling < measures.count ? measures[sibling].text : 0
                    if length > 80, density < 0.25 {
                        append = true
                    } else if length < 80, length > 0, density == 0 {
                        let text = dom.innerText(sibling)
                        append = text.hasSuffix(".") || text.contains(". ")
                    }
                }
            }
            guard append else { continue }
            if !Self.alterToDivExceptions.contains(dom.names[sibling]) { dom.names[sibling] = "div" }
            dom.append(sibling, to: article)
        }
        return article
    }
}
