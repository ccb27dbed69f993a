// Where the caret of a textarea is, in pixels from the textarea's top-left corner: a hidden mirror div with the same
// box and font gets the text before the caret, and a marker span's offset is the caret's.
const COPIED = [
  'boxSizing', 'width', 'height', 'overflowX', 'overflowY', 'borderTopWidth', 'borderRightWidth', 'borderBottomWidth',
  'borderLeftWidth', 'borderStyle', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft', 'fontStyle',
  'fontVariant', 'fontWeight', 'fontStretch', 'fontSize', 'lineHeight', 'fontFamily', 'textAlign', 'textTransform',
  'textIndent', 'letterSpacing', 'wordSpacing', 'tabSize',
];

export function caretCoordinates(textarea, position) {
  const mirror = document.createElement('div');
  const style = getComputedStyle(textarea);
  for (const property of COPIED) mirror.style[property] = style[property];
  mirror.style.position = 'absolute';
  mirror.style.visibility = 'hidden';
  mirror.style.whiteSpace = 'pre-wrap';
  mirror.style.overflowWrap = 'break-word';
  mirror.style.top = '0';
  mirror.style.left = '-9999px';
  mirror.textContent = textarea.value.slice(0, position);
  const marker = document.createElement('span');
  marker.textContent = textarea.value.slice(position) || '.';
  mirror.append(marker);
  document.body.append(mirror);
  const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.3;
  const coordinates = {
    top: marker.offsetTop + parseFloat(style.borderTopWidth) - textarea.scrollTop,
    left: marker.offsetLeft + parseFloat(style.borderLeftWidth) - textarea.scrollLeft,
    height: lineHeight,
  };
  mirror.remove();
  return coordinates;
}
