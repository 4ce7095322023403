//! The source-level problems that keep a lesson from loading, each with the line to blame: a lesson
//! wrapped in a fence, a fence never closed, an anchor used twice.
use super::ParseError;
use crate::course::lesson::Section;
use crate::msg;

/// A lesson pasted inside a ```` ```markdown ```` fence is all code: blame that fence's line rather
/// than whatever breaks further down.
pub(super) fn check_not_wrapped(text: &str, first_line: usize) -> Result<(), ParseError> {
    let Some((index, line)) = text.lines().enumerate().find(|(_, l)| !l.trim().is_empty()) else {
        return Ok(());
    };
    let trimmed = line.trim();
    let fence_len = trimmed.chars().take_while(|c| *c == '`' || *c == '~').count();
    let info = trimmed[fence_len..].trim().to_ascii_lowercase();
    if fence_len >= 3 && matches!(info.as_str(), "markdown" | "md" | "mdx") {
        return Err(ParseError {
            line: first_line + index,
            message: msg!("course-wrapped-in-fence", fence = trimmed),
        });
    }
    Ok(())
}

/// A fenced block whose source does not end with a closing fence ran to the end of the file.
pub(super) fn check_fence_closed(source: &str, line: usize) -> Result<(), ParseError> {
    let opening = source.trim_start();
    let fence_char = opening.chars().next().unwrap_or('`');
    let fence_len = opening.chars().take_while(|&c| c == fence_char).count();
    let mut lines = source.trim_end_matches('\n').lines();
    lines.next();
    let closed = lines.next_back().is_some_and(|last| {
        let last = last.trim();
        last.chars().all(|c| c == fence_char) && last.len() >= fence_len
    });
    if closed {
        Ok(())
    } else {
        Err(ParseError {
            line,
            message: msg!(
                "course-fence-unclosed",
                fence = fence_char.to_string().repeat(fence_len)
            ),
        })
    }
}

pub(super) fn check_anchors(sections: &[Section]) -> Result<(), ParseError> {
    for (index, section) in sections.iter().enumerate() {
        if let Some(first) = sections[..index].iter().find(|s| s.anchor == section.anchor) {
            return Err(ParseError {
                line: section.line,
                message: msg!(
                    "course-duplicate-anchor",
                    anchor = &section.anchor,
                    first = first.line
                ),
            });
        }
    }
    Ok(())
}
