/** Thrown for anything but a well-formed JPEG, PNG or WebP: `message` is for the user, `reason` for the log. */
export class ImageError extends Error {
  override name = "ImageError";
  readonly reason: string;

  constructor(reason: string, message = "图片文件已损坏或格式不受支持") {
    super(message);
    this.reason = reason;
  }
}
