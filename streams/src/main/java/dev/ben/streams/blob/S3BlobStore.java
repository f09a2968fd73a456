package dev.ben.streams.blob;

import dev.ben.config.ConnectorSettings.S3Settings;
import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Blobs in an S3-compatible bucket (MinIO, s3proxy, AWS) through the MinIO Java SDK. */
public final class S3BlobStore implements BlobStore {

  private final MinioClient client;
  private final String bucket;
  private final String description;

  private S3BlobStore(MinioClient client, String bucket, String description) {
    this.client = client;
    this.bucket = bucket;
    this.description = description;
  }

  /** Connects and creates the bucket when it is missing. */
  public static S3BlobStore open(S3Settings settings) {
    MinioClient client =
        MinioClient.builder()
            .endpoint(settings.endpoint().toString())
            .credentials(settings.accessKey(), settings.secretKey())
            .region(settings.region())
            .build();
    String where = settings.endpoint() + "/" + settings.bucket();
    try {
      if (!client.bucketExists(BucketExistsArgs.builder().bucket(settings.bucket()).build())) {
        client.makeBucket(MakeBucketArgs.builder().bucket(settings.bucket()).build());
      }
    } catch (Exception e) {
      throw new BlobException(
          "cannot use S3 bucket "
              + where
              + ": "
              + e.getMessage()
              + " (check BEN_S3_ENDPOINT and the credentials)",
          e);
    }
    return new S3BlobStore(client, settings.bucket(), "s3 " + where);
  }

  @Override
  public void put(String key, byte[] bytes) {
    try {
      client.putObject(
          PutObjectArgs.builder()
              .bucket(bucket)
              .object(BlobKeys.check(key))
              .data(bytes, bytes.length)
              .build());
    } catch (BlobException e) {
      throw e;
    } catch (Exception e) {
      throw new BlobException(
          "writing blob " + key + " to " + description + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<byte[]> get(String key) {
    try (GetObjectResponse in =
        client.getObject(
            GetObjectArgs.builder().bucket(bucket).object(BlobKeys.check(key)).build())) {
      return Optional.of(in.readAllBytes());
    } catch (ErrorResponseException e) {
      if ("NoSuchKey".equals(e.errorResponse().code())) {
        return Optional.empty();
      }
      throw new BlobException(
          "reading blob " + key + " from " + description + " failed: " + e.getMessage(), e);
    } catch (BlobException e) {
      throw e;
    } catch (Exception e) {
      throw new BlobException(
          "reading blob " + key + " from " + description + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public List<String> list(String prefix) {
    List<String> keys = new ArrayList<>();
    try {
      for (Result<Item> result :
          client.listObjects(
              ListObjectsArgs.builder()
                  .bucket(bucket)
                  .prefix(BlobKeys.checkPrefix(prefix))
                  .recursive(true)
                  .build())) {
        Item item = result.get();
        if (!item.isDir()) {
          keys.add(item.objectName());
        }
      }
    } catch (Exception e) {
      throw new BlobException(
          "listing " + description + " under " + prefix + " failed: " + e.getMessage(), e);
    }
    keys.sort(null);
    return keys;
  }

  @Override
  public void delete(String key) {
    try {
      client.removeObject(
          RemoveObjectArgs.builder().bucket(bucket).object(BlobKeys.check(key)).build());
    } catch (BlobException e) {
      throw e;
    } catch (Exception e) {
      throw new BlobException(
          "deleting blob " + key + " from " + description + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public boolean embedded() {
    return false;
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (Exception e) {
      throw new BlobException("closing the S3 client failed: " + e.getMessage(), e);
    }
  }
}
