//! Reading CoNLL-U (Universal Dependencies' format): sentences of numbered word lines, with the
//! multiword token lines (`3-4 don't`) kept as tokens over their words. Empty nodes (`8.1`)
//! belong to the enhanced graph only and are skipped, as are comments other than `# text`.

use std::ops::Range;

use super::{Deprel, Upos};

/// One syntactic word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConlluWord {
    /// The word form.
    pub form: String,
    /// Its part of speech.
    pub upos: Upos,
    /// Its head: 0 for the root, else the 1-based index of the head word.
    pub head: usize,
    /// Its relation to the head.
    pub deprel: Deprel,
}

/// One surface token: a word, or a multiword token over several words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConlluToken {
    /// The surface form.
    pub form: String,
    /// The words it is made of (indices into the sentence's words).
    pub words: Range<usize>,
    /// Whether a space follows it in the text.
    pub space_after: bool,
}

/// One sentence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConlluSentence {
    /// The `# text` comment, when given.
    pub text: Option<String>,
    /// The words.
    pub words: Vec<ConlluWord>,
    /// The surface tokens, covering every word once, in order.
    pub tokens: Vec<ConlluToken>,
}

impl ConlluSentence {
    /// The sentence text: the `# text` comment, or the tokens joined as `SpaceAfter` says.
    pub fn text(&self) -> String {
        if let Some(t) = &self.text {
            return t.clone();
        }
        let mut out = String::new();
        for t in &self.tokens {
            out.push_str(&t.form);
            if t.space_after {
                out.push(' ');
            }
        }
        out.truncate(out.trim_end().len());
        out
    }

    /// The word forms.
    pub fn forms(&self) -> Vec<&str> {
        self.words.iter().map(|w| w.form.as_str()).collect()
    }
}

/// A CoNLL-U file that could not be read.
#[derive(Debug, thiserror::Error)]
#[error("line {line}: {reason}")]
pub struct ConlluError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub reason: String,
}

fn err(line: usize, reason: impl Into<String>) -> ConlluError {
    ConlluError {
        line,
        reason: reason.into(),
    }
}

/// Reads every sentence of a CoNLL-U text.
///
/// # Errors
/// When a word line lacks columns, or has an unknown tag, a bad head or an unknown relation.
pub fn read_conllu(text: &str) -> Result<Vec<ConlluSentence>, ConlluError> {
    let mut out = Vec::new();
    let mut current = ConlluSentence::default();
    // A multiword token waiting for its words: (form, first and last word ids, space after).
    let mut pending: Option<(String, usize, usize, bool)> = None;
    for (number, line) in text.lines().enumerate() {
        let number = number + 1;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !current.words.is_empty() {
                finish(&mut current, number)?;
                out.push(std::mem::take(&mut current));
            }
            current = ConlluSentence::default();
            pending = None;
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            if let Some(t) = comment.trim_start().strip_prefix("text =") {
                current.text = Some(t.trim().to_string());
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(err(number, format!("{} columns, not 10", cols.len())));
        }
        let space_after = !cols[9].split('|').any(|m| m == "SpaceAfter=No");
        if cols[0].contains('.') {
            continue;
        }
        if let Some((a, b)) = cols[0].split_once('-') {
            let bad = || err(number, format!("bad range {}", cols[0]));
            let first: usize = a.parse().map_err(|_| bad())?;
            let last: usize = b.parse().map_err(|_| bad())?;
            pending = Some((cols[1].to_string(), first, last, space_after));
            continue;
        }
        let id: usize = cols[0]
            .parse()
            .map_err(|_| err(number, format!("bad word id {}", cols[0])))?;
        if id != current.words.len() + 1 {
            return Err(err(number, format!("word {id} out of order")));
        }
        let upos = Upos::from_name(cols[3])
            .ok_or_else(|| err(number, format!("unknown UPOS {}", cols[3])))?;
        let head: usize = cols[6]
            .parse()
            .map_err(|_| err(number, format!("bad head {}", cols[6])))?;
        let deprel = Deprel::from_name(cols[7]).unwrap_or(Deprel::DEP);
        let index = current.words.len();
        current.words.push(ConlluWord {
            form: cols[1].to_string(),
            upos,
            head,
            deprel,
        });
        match &pending {
            Some((form, first, last, space)) if (*first..=*last).contains(&id) => {
                if id == *first {
                    current.tokens.push(ConlluToken {
                        form: form.clone(),
                        words: index..index + 1,
                        space_after: *space,
                    });
                } else if let Some(t) = current.tokens.last_mut() {
                    t.words.end = index + 1;
                }
                if id == *last {
                    pending = None;
                }
            }
            _ => current.tokens.push(ConlluToken {
                form: cols[1].to_string(),
                words: index..index + 1,
                space_after,
            }),
        }
    }
    if !current.words.is_empty() {
        finish(&mut current, text.lines().count())?;
        out.push(current);
    }
    Ok(out)
}

/// Checks the heads of a finished sentence.
fn finish(s: &mut ConlluSentence, line: usize) -> Result<(), ConlluError> {
    let n = s.words.len();
    if let Some(w) = s.words.iter().find(|w| w.head > n) {
        return Err(err(
            line,
            format!("head {} past the sentence's end", w.head),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# sent_id = t1
# text = They don't agree.
1-2\tThey\t_\t_\t_\t_\t_\t_\t_\t_
1\tThey\tthey\tPRON\tPRP\t_\t4\tnsubj\t_\t_
2\t_\t_\t_\t_\t_\t_\t_\t_\t_
";

    #[test]
    fn reads_words_multiword_tokens_and_empty_nodes() {
        let text = "# text = They don't agree.
1\tThey\tthey\tPRON\tPRP\t_\t4\tnsubj\t_\t_
2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_
2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_
3.1\tx\tx\tX\tX\t_\t_\t_\t_\t_
4\tagree\tagree\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_
";
        let s = read_conllu(text).expect("valid");
        assert_eq!(s.len(), 2);
        let first = &s[0];
        assert_eq!(first.forms(), ["They", "do", "n't", "agree", "."]);
        assert_eq!(first.tokens.len(), 4);
        assert_eq!(first.tokens[1].form, "don't");
        assert_eq!(first.tokens[1].words, 1..3);
        assert!(!first.tokens[2].space_after);
        assert_eq!(first.words[3].head, 0);
        assert_eq!(first.words[1].deprel, Deprel::AUX);
        assert_eq!(first.text(), "They don't agree.");
        assert_eq!(s[1].text(), "Yes");
    }

    #[test]
    fn refuses_broken_lines() {
        assert!(read_conllu(SAMPLE).is_err(), "word 2 has no UPOS");
        assert!(read_conllu("1\tA\ta\tNOPE\t_\t_\t0\troot\t_\t_\n").is_err());
        assert!(read_conllu("1\tA\ta\tX\t_\t_\t5\troot\t_\t_\n").is_err());
        assert!(read_conllu("1\tA\n").is_err());
    }
}
