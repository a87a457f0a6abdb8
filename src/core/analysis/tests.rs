use super::*;

#[test]
fn empty_input_is_neutral() {
    assert_eq!(analyze(&[]), Analysis::default());
    assert_eq!(analyze(&["", "   "]), Analysis::default());
}
